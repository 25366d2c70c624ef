using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Models.Heads;

/// <summary>
/// Average pooling to a fixed <see cref="OutputSize"/>², as <c>torch.nn.AdaptiveAvgPool2d</c>. It has no
/// parameters; it exists as a module so that the pooling branches keep torchvision's and semseg's index layout
/// (<c>aspp.convs.4.1.weight</c>, <c>ppm.features.0.1.weight</c>).
/// </summary>
internal sealed class AdaptiveAvgPool2d : nn.Module<Tensor, Tensor>
{
    public AdaptiveAvgPool2d(long outputSize) : base(nameof(AdaptiveAvgPool2d))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        OutputSize = outputSize;
    }

    /// <summary>Side of the pooled map.</summary>
    public long OutputSize { get; }

    /// <summary>[N, C, H, W] → [N, C, s, s].</summary>
    public override Tensor forward(Tensor input) => F.adaptive_avg_pool2d(input, [OutputSize, OutputSize]);
}
