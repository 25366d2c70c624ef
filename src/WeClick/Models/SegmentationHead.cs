using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>A decoder from backbone features to class logits (DeepLabV3+, PSPNet).</summary>
public abstract class SegmentationHead : nn.Module<BackboneFeatures, HeadOutput>
{
    /// <summary>Names the module (TorchSharp's module name; not part of the state-dict keys).</summary>
    protected SegmentationHead(string name) : base(name)
    {
    }

    /// <summary>The state dict in PyTorch's key order (see <see cref="ModuleExtensions"/>); TorchSharp's own lists parameters before buffers.</summary>
    public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) =>
        ModuleExtensions.PyTorchStateDict(this, destination, prefix);

    /// <summary>Number of classes it predicts.</summary>
    public abstract long Classes { get; }
}
