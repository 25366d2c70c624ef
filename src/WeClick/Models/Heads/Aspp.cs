using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Models.Heads;

/// <summary>
/// Atrous spatial pyramid pooling (DeepLabV3, Chen et al. 2017), as Gated CRF's model_net_deeplab_v3_plus.py and
/// algorithms.md §5.1: a 1×1 branch, one 3×3 standard (not separable) atrous branch per rate, an image-pooling branch,
/// each conv bias-free + BN + ReLU, then a 1×1 projection of the concatenation + BN + ReLU (+ dropout).
/// </summary>
/// <remarks>
/// Names as torchvision's <c>ASPP</c>: <c>convs.0.{0 conv, 1 bn}</c> (1×1), <c>convs.1 … convs.R</c> (atrous, same layout),
/// <c>convs.{R+1}.{1 conv, 2 bn}</c> (image pooling; index 0 is the pooling), <c>project.{0 conv, 1 bn}</c>.
/// </remarks>
internal sealed class Aspp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<LayerSequence> convs;
    private readonly LayerSequence project;

    public Aspp(long inChannels, long channels, IReadOnlyList<int> rates, double dropout) : base(nameof(Aspp))
    {
        var branches = new List<LayerSequence> { HeadLayers.ConvBnReLU(inChannels, channels, 1) };
        branches.AddRange(rates.Select(r => HeadLayers.ConvBnReLU(inChannels, channels, 3, r)));
        branches.Add(HeadLayers.PoolingBranch(inChannels, channels, 1));
        convs = nn.ModuleList(branches.ToArray());
        project = new LayerSequence(
            nn.Conv2d(branches.Count * channels, channels, 1, bias: false),
            nn.BatchNorm2d(channels),
            nn.ReLU(),
            nn.Dropout(dropout));
        Channels = channels;
        RegisterComponents();
    }

    /// <summary>Output channels (256 in the paper).</summary>
    public long Channels { get; }

    /// <summary>[N, C_in, h, w] → [N, channels, h, w].</summary>
    public override Tensor forward(Tensor input)
    {
        HeadLayers.RequireBatchStatistics(training, "DeepLabV3PlusHead.forward", input.size(0), 1, Channels);
        long height = input.size(-2), width = input.size(-1);
        var outputs = new List<Tensor>(convs.Count);
        for (var i = 0; i < convs.Count - 1; i++)
        {
            outputs.Add(convs[i].call(input));
        }
        // Image pooling: [N, C, 1, 1] → upsampled (constant) to the feature size.
        var pooled = convs[^1].call(input);
        outputs.Add(F.interpolate(pooled, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false));
        pooled.Dispose();
        using var joined = torch.cat(outputs, 1); // [N, (R+2)·channels, h, w]
        foreach (var branch in outputs)
        {
            branch.Dispose(); // freed now, not at the caller's scope end (autograd keeps what backward needs)
        }
        return project.call(joined); // → [N, channels, h, w]
    }
}
