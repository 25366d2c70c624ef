using System.Collections;
using System.Globalization;

namespace WeClick.Torch.Modules;

/// <summary>
/// Chains modules: the output of each is the input of the next, as <c>torch.nn.Sequential</c>. Children
/// are named "0", "1", ... (or as given), so state-dict keys read <c>features.0.weight</c> as in PyTorch.
/// </summary>
public sealed class Sequential : torch.nn.Module<Tensor, Tensor>, IEnumerable<torch.nn.Module<Tensor, Tensor>>
{
    private readonly List<torch.nn.Module<Tensor, Tensor>> _layers = new();

    /// <summary>Chains <paramref name="modules"/>, named by position.</summary>
    public Sequential(params torch.nn.Module<Tensor, Tensor>[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
        {
            append(m);
        }
    }

    /// <summary>Chains named modules (PyTorch's <c>Sequential(OrderedDict(...))</c>).</summary>
    public Sequential(params (string name, torch.nn.Module<Tensor, Tensor> module)[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var (name, module) in modules)
        {
            append(name, module);
        }
    }

    /// <summary>Number of modules.</summary>
    public int Count => _layers.Count;

    /// <summary>The module at <paramref name="index"/> (negative counts from the end, as in Python).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No module has that index.</exception>
    public torch.nn.Module<Tensor, Tensor> this[int index]
    {
        get
        {
            var i = index < 0 ? index + _layers.Count : index;
            if (i < 0 || i >= _layers.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is out of range for a Sequential of {_layers.Count} modules.");
            }
            return _layers[i];
        }
    }

    /// <summary>Appends a module named by its position.</summary>
    public Sequential append(torch.nn.Module<Tensor, Tensor> module) =>
        append(_layers.Count.ToString(CultureInfo.InvariantCulture), module);

    /// <summary>Appends a module under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is taken, empty or contains '.'.</exception>
    public Sequential append(string name, torch.nn.Module<Tensor, Tensor> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (get_submodule(name) is not null)
        {
            throw new ArgumentException($"Sequential already has a module named '{name}'.", nameof(name));
        }
        register_module(name, module);
        _layers.Add(module);
        return this;
    }

    /// <summary>Runs the modules in order.</summary>
    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            var y = layer.forward(x);
            // Free each intermediate as soon as the next layer has consumed it, as Python's reference counting
            // does: otherwise a deep stack keeps every activation alive until the caller's dispose scope ends
            // (ResNet-101's layer3 at output stride 8 and 512×1024: 23 × 33.5 MB), and the allocator cannot reuse
            // their memory within the forward. Autograd keeps its own references to what backward needs, so this
            // is safe in training too. Never dispose our input, nor a tensor a layer passed through unchanged.
            if (!ReferenceEquals(x, input) && !ReferenceEquals(x, y))
            {
                x.Dispose();
            }
            x = y;
        }
        return ReferenceEquals(x, input) ? input.alias() : x;
    }

    /// <inheritdoc/>
    public IEnumerator<torch.nn.Module<Tensor, Tensor>> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
