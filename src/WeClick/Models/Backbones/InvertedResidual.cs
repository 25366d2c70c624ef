using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// MobileNetV2's block, as torchvision's <c>InvertedResidual</c>: <c>conv</c> = [1×1 expansion ConvBNReLU6 (absent
/// when the expansion ratio is 1)], 3×3 depthwise ConvBNReLU6, 1×1 linear projection conv, BN; a residual
/// connection when the (original) stride is 1 and the channels are kept.
/// </summary>
/// <remarks>
/// Dilation (DeepLab-style, as torchvision's dilated MobileNetV3): a block with dilation &gt; 1 has stride 1 and its
/// depthwise conv has that dilation with padding = dilation. The residual rule uses the undilated stride, as
/// torchvision's does (it only matters for blocks whose channels change, which never have a residual anyway).
/// </remarks>
internal sealed class InvertedResidual : nn.Module<Tensor, Tensor>
{
    private readonly LayerSequence conv;
    private readonly bool useResidual;

    /// <summary>Builds the block in torchvision's order (a seed gives torchvision's numbers).</summary>
    public InvertedResidual(long inp, long oup, long stride, long expandRatio, long dilation) : base(nameof(InvertedResidual))
    {
        var hidden = inp * expandRatio;   // torchvision: int(round(inp * expand_ratio)), integers here
        useResidual = stride == 1 && inp == oup;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        if (expandRatio != 1)
        {
            layers.Add(ConvNormReLU6(inp, hidden, kernel: 1));
        }
        layers.Add(ConvNormReLU6(hidden, hidden, kernel: 3, stride: dilation > 1 ? 1 : stride, groups: hidden, dilation: dilation));
        layers.Add(nn.Conv2d(hidden, oup, 1, bias: false));
        layers.Add(nn.BatchNorm2d(oup));
        conv = new LayerSequence([.. layers]);
        RegisterComponents();
    }

    /// <summary>x + conv(x) with a residual, else conv(x).</summary>
    public override Tensor forward(Tensor input)
    {
        if (!useResidual)
        {
            return conv.call(input);
        }
        using var y = conv.call(input);
        return input.add(y);
    }

    /// <summary>
    /// torchvision's <c>Conv2dNormActivation</c> with ReLU6: a sequence (conv (no bias), BN, ReLU6), names 0, 1, 2;
    /// padding = (kernel − 1)/2 · dilation.
    /// </summary>
    public static LayerSequence ConvNormReLU6(long input, long output, long kernel, long stride = 1, long groups = 1, long dilation = 1) =>
        new(
            nn.Conv2d(input, output, kernel, stride: stride, padding: (kernel - 1) / 2 * dilation, dilation: dilation, groups: groups, bias: false),
            nn.BatchNorm2d(output),
            nn.ReLU6());
}
