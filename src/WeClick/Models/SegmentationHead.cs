using WeClick.Torch;
using static WeClick.Torch.torch;

namespace WeClick.Models;

/// <summary>A decoder from backbone features to class logits (DeepLabV3+, PSPNet).</summary>
public abstract class SegmentationHead : nn.Module<BackboneFeatures, HeadOutput>
{
    /// <summary>Number of classes it predicts.</summary>
    public abstract long Classes { get; }
}
