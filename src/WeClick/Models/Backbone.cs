using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>
/// A feature extractor for segmentation (ResNet, MobileNetV2). Its parameter names follow torchvision's
/// models exactly (<c>conv1.weight</c>, <c>layer1.0.bn1.running_mean</c>, <c>features.3.conv.0.0.weight</c>),
/// so ImageNet weights converted from torchvision load without renaming; the classifier (<c>fc</c>,
/// <c>classifier</c>) is not part of a backbone.
/// </summary>
public abstract class Backbone : nn.Module<Tensor, BackboneFeatures>
{
    /// <summary>Names the module (TorchSharp's module name, e.g. <c>resnet18</c>; not part of the state-dict keys).</summary>
    protected Backbone(string name) : base(name)
    {
    }

    /// <summary>The state dict in PyTorch's key order (see <see cref="ModuleExtensions"/>); TorchSharp's own lists parameters before buffers.</summary>
    public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) =>
        ModuleExtensions.PyTorchStateDict(this, destination, prefix);

    /// <summary>Channels of <see cref="BackboneFeatures.Low"/>.</summary>
    public abstract long LowChannels { get; }

    /// <summary>Channels of <see cref="BackboneFeatures.Auxiliary"/>.</summary>
    public abstract long AuxiliaryChannels { get; }

    /// <summary>Channels of <see cref="BackboneFeatures.High"/>.</summary>
    public abstract long HighChannels { get; }

    /// <summary>Input size over <see cref="BackboneFeatures.High"/>'s size: 8 or 16 (the last stages dilate instead of striding).</summary>
    public abstract int OutputStride { get; }
}
