using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Models.Heads;

/// <summary>
/// PSPNet's pyramid pooling module (Zhao et al., CVPR 2017; ETC model/pspnet_18.py, algorithms.md §5.2): per bin b,
/// adaptive average pool to b×b → 1×1 conv (no bias) + BN + ReLU → bilinear upsampling with align_corners = true;
/// the input and the branches concatenated.
/// </summary>
/// <remarks>Names as semseg's <c>PPM</c>: <c>features.i.{1 conv, 2 bn}</c> (index 0 is the pooling).</remarks>
internal sealed class PyramidPooling : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<LayerSequence> features;
    private readonly long[] bins;
    private readonly long reduction;

    public PyramidPooling(long inChannels, long reduction, IReadOnlyList<int> bins) : base(nameof(PyramidPooling))
    {
        this.bins = [.. bins.Select(b => (long)b)];
        this.reduction = reduction;
        features = nn.ModuleList([.. this.bins.Select(b => HeadLayers.PoolingBranch(inChannels, reduction, b))]);
        RegisterComponents();
    }

    /// <summary>[N, C, h, w] → [N, C + bins·reduction, h, w].</summary>
    public override Tensor forward(Tensor input)
    {
        foreach (var bin in bins)
        {
            HeadLayers.RequireBatchStatistics(training, "PspHead.forward", input.size(0), bin, reduction);
        }
        long height = input.size(-2), width = input.size(-1);
        var outputs = new List<Tensor>(features.Count + 1) { input };
        for (var i = 0; i < features.Count; i++)
        {
            using var pooled = features[i].call(input); // [N, reduction, b, b]
            outputs.Add(F.interpolate(pooled, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: true));
        }
        var result = torch.cat(outputs, 1);
        foreach (var upsampled in outputs.Skip(1))
        {
            upsampled.Dispose(); // freed now, not at the caller's scope end (as LayerSequence.forward does)
        }
        return result;
    }
}
