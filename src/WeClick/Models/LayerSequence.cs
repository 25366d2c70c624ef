using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>
/// The models' replacement for <c>nn.Sequential</c>: children registered as <c>0</c>, <c>1</c>, … in order, so parameter
/// names and state-dict keys (and their order) are exactly nn.Sequential's and PyTorch's, and a forward that chains them.
/// </summary>
/// <remarks>
/// TorchSharp's Sequential keeps its children in a private list, so a layer cannot be taken out of its forward chain.
/// This one can: <see cref="FoldBatchNorm"/> folds each BatchNorm2d into the Conv2d before it and drops the BatchNorm
/// (see <see cref="BatchNormFolding"/>). A dropped layer's name is not reused, so the remaining names stay those of
/// the unfolded model.
/// </remarks>
internal sealed class LayerSequence : nn.Module<Tensor, Tensor>, IFoldsBatchNorm
{
    // Not a Module or Tensor field, so RegisterComponents ignores it; the children are registered by name in Append.
    private readonly List<(string Name, nn.Module<Tensor, Tensor> Layer)> layers = [];
    private int nextIndex;

    /// <summary>A sequence of <paramref name="modules"/>, named <c>0</c>, <c>1</c>, … in this order.</summary>
    public LayerSequence(params nn.Module<Tensor, Tensor>[] modules) : base(nameof(LayerSequence))
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var module in modules)
        {
            Append(module);
        }
    }

    /// <summary>The layers in the forward chain.</summary>
    public int Count => layers.Count;

    /// <summary>The <paramref name="index"/>-th layer of the forward chain.</summary>
    public nn.Module<Tensor, Tensor> this[int index] => layers[index].Layer;

    /// <summary>Adds <paramref name="module"/> at the end, under the next unused index (as nn.Sequential's <c>append</c>).</summary>
    public void Append(nn.Module<Tensor, Tensor> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var name = nextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        register_module(name, module);
        layers.Add((name, module));
        nextIndex++;
    }

    /// <summary>The layers applied in order; intermediate results are disposed as soon as the next layer has run (as TorchSharp's Sequential).</summary>
    public override Tensor forward(Tensor input)
    {
        if (layers.Count == 0)
        {
            return input.alias();
        }
        var x = layers[0].Layer.call(input);
        for (var i = 1; i < layers.Count; i++)
        {
            var y = layers[i].Layer.call(x);
            x.Dispose();
            x = y;
        }
        return x;
    }

    /// <summary>
    /// Folds every BatchNorm2d that directly follows a Conv2d into that conv, removes it from the forward chain and
    /// unregisters it (its keys leave the state dict); returns how many it folded.
    /// </summary>
    public int FoldBatchNorm()
    {
        var folded = 0;
        for (var i = 0; i + 1 < layers.Count; i++)
        {
            if (layers[i].Layer is Conv2d conv && layers[i + 1].Layer is BatchNorm2d bn)
            {
                BatchNormFolding.FoldInto(conv, bn);
                register_module(layers[i + 1].Name, null!); // null removes the registration
                layers.RemoveAt(i + 1);
                bn.Dispose();
                folded++;
            }
        }
        return folded;
    }
}
