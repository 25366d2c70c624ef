using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Models.Heads;

/// <summary>
/// DeepLabV3+'s decoder (Chen et al. 2018; Gated CRF's model_net_deeplab_v3_plus.py, algorithms.md §5.1): the stride-4
/// features reduced to 48 channels (1×1 + BN + ReLU), concatenated after the ×4-upsampled ASPP output, two 3×3 convs
/// (+ BN + ReLU) and a 1×1 classifier with bias.
/// </summary>
/// <remarks>Names: <c>reduce.{0 conv, 1 bn}</c>, <c>fuse.{0 conv, 1 bn, 3 conv, 4 bn}</c>, <c>classifier.{weight, bias}</c>.</remarks>
internal sealed class DeepLabV3PlusDecoder : nn.Module
{
    private readonly LayerSequence reduce;
    private readonly LayerSequence fuse;
    private readonly Conv2d classifier;

    public DeepLabV3PlusDecoder(long lowChannels, long lowLevelChannels, long asppChannels, long classes) : base(nameof(DeepLabV3PlusDecoder))
    {
        reduce = HeadLayers.ConvBnReLU(lowChannels, lowLevelChannels, 1);
        fuse = new LayerSequence([.. HeadLayers.ConvBnReLULayers(lowLevelChannels + asppChannels, asppChannels, 3),
            .. HeadLayers.ConvBnReLULayers(asppChannels, asppChannels, 3)]);
        classifier = nn.Conv2d(asppChannels, classes, 1);
        RegisterComponents();
    }

    /// <summary>low [N, C_low, H/4, W/4], aspp [N, 256, h, w] → logits [N, classes, H/4, W/4].</summary>
    public Tensor forward(Tensor low, Tensor aspp)
    {
        using var reduced = reduce.call(low);
        using var upsampled = F.interpolate(aspp, size: [reduced.size(-2), reduced.size(-1)], mode: InterpolationMode.Bilinear, align_corners: false);
        // ASPP first, then the skip (JFZ's decoder.py order; Gated CRF's is the same up to a permutation of fuse.0's input).
        using var joined = torch.cat([upsampled, reduced], 1); // [N, 256 + 48, H/4, W/4]
        using var fused = fuse.call(joined);
        return classifier.call(fused);
    }
}
