using System.Globalization;
using TorchSharp;
using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Engine;

/// <summary>
/// A module's weights as a safetensors file with PyTorch's state-dict names (<c>backbone.layer1.0.conv1.weight</c>,
/// <c>bn1.running_mean</c>, <c>bn1.num_batches_tracked</c>), which PyTorch reads with
/// <c>safetensors.torch.load_file</c> + <c>model.load_state_dict</c>, and strict loading with PyTorch's error text.
/// </summary>
/// <remarks>
/// TorchSharp's own <c>Module.save</c>/<c>load</c> use a TorchSharp-only format, and its <c>load_state_dict</c> checks
/// neither shapes nor dtypes and throws one sentence without the keys; PyBridge's <c>load_safetensors</c> and
/// <c>load_py</c> likewise skip the shape check. Hence these.
/// </remarks>
public static class ModuleWeights
{
    /// <summary>
    /// Writes <c>state_dict()</c> (parameters and persistent buffers) to a safetensors file, atomically: a crash
    /// never leaves a half-written file at <paramref name="path"/>.
    /// </summary>
    /// <param name="module">The module.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="metadata">Extra string metadata stored in the header (<c>format: pt</c> is always written).</param>
    /// <exception cref="IOException">The file cannot be written; an existing file is then left untouched.</exception>
    public static void SaveWeights(this nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        Safetensors.Save(module.OrderedStateDict(), path, metadata);
    }

    /// <summary>
    /// The module's parameters and persistent buffers under PyTorch's dotted names and in PyTorch's order: each
    /// module's own parameters, then its buffers, then its children's entries (<c>features.0.weight</c>,
    /// <c>features.1.weight</c>, <c>features.1.bias</c>, <c>features.1.running_mean</c>, …). TorchSharp's
    /// <c>state_dict()</c> has the same entries but lists every parameter before every buffer.
    /// </summary>
    /// <remarks>The values are the module's live tensors (not copies): do not dispose them.</remarks>
    public static OrderedDictionary<string, Tensor> OrderedStateDict(this nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var result = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        Collect(module, "", result);
        return result;
    }

    private static void Collect(nn.Module module, string prefix, OrderedDictionary<string, Tensor> result)
    {
        foreach (var (name, parameter) in module.named_parameters(recurse: false))
        {
            result.TryAdd(prefix + name, parameter);
        }
        // include_nonpersistent: false as state_dict() (TorchSharp 0.107's named_buffers skips non-persistent buffers anyway).
        foreach (var (name, buffer) in module.named_buffers(recurse: false, include_nonpersistent: false))
        {
            result.TryAdd(prefix + name, buffer);
        }
        foreach (var (name, child) in module.named_children())
        {
            Collect(child, prefix + name + ".", result);
        }
    }

    /// <summary>
    /// Loads a safetensors file into the module's parameters and buffers (in place, on their devices), strictly:
    /// the names, shapes and dtypes must all match.
    /// </summary>
    /// <param name="module">The module.</param>
    /// <param name="path">A file written by <see cref="SaveWeights"/> or by PyTorch's safetensors.</param>
    /// <exception cref="StateDictException">The file does not fit the module; the message names the file and every
    /// missing, unexpected and mis-shaped key; nothing is copied then.</exception>
    /// <exception cref="SafetensorsFormatException">The file is not a valid safetensors file.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static void LoadWeights(this nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var file = Safetensors.Load(path);
        module.LoadStateDictStrict(file.Tensors, $"{module.GetName()} from '{path}'");
    }

    /// <summary>
    /// Copies <paramref name="weights"/> into the module's parameters and persistent buffers (in place, without
    /// recording gradients), as PyTorch's <c>load_state_dict(strict=True)</c>, after checking everything first.
    /// </summary>
    /// <param name="module">The module.</param>
    /// <param name="weights">Name → tensor, e.g. from a checkpoint; on any device (values are copied across).</param>
    /// <param name="context">What is loaded from where, for the message (e.g. <c>ResNet from 'resnet18.safetensors'</c>).</param>
    /// <exception cref="StateDictException">A key is missing or unexpected, or a shape or dtype differs; the message
    /// lists every problem and nothing is copied.</exception>
    public static void LoadStateDictStrict(this nn.Module module, IReadOnlyDictionary<string, Tensor> weights, string context)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(weights);
        var own = module.OrderedStateDict();
        var missing = own.Keys.Where(k => !weights.ContainsKey(k)).ToList();
        var unexpected = weights.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var mismatches = new List<string>();
        foreach (var (name, target) in own)
        {
            if (!weights.TryGetValue(name, out var source))
            {
                continue;
            }
            if (!source.shape.SequenceEqual(target.shape))
            {
                mismatches.Add($"size mismatch for {name}: copying a param with shape {Shape(source)} from checkpoint, the shape in current model is {Shape(target)}.");
            }
            else if (source.dtype != target.dtype)
            {
                mismatches.Add($"dtype mismatch for {name}: the checkpoint has {source.dtype.PyTorchName()}, the current model has {target.dtype.PyTorchName()}.");
            }
        }
        if (missing.Count > 0 || unexpected.Count > 0 || mismatches.Count > 0)
        {
            throw new StateDictException(context, missing, unexpected, mismatches);
        }
        using var noGrad = torch.no_grad();
        foreach (var (name, target) in own)
        {
            target.copy_(weights[name]);
        }
    }

    private static string Shape(Tensor t) =>
        "[" + string.Join(", ", t.shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";
}
