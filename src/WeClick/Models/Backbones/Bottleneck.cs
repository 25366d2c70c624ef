using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// ResNet-50/101's residual block, as torchvision's <c>Bottleneck</c> (v1.5: the stride is on the 3×3 conv;
/// parameters <c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>, <c>conv3</c>, <c>bn3</c>, <c>downsample.0/1</c>).
/// Only the 3×3 conv is dilated (padding = dilation).
/// </summary>
internal sealed class Bottleneck : nn.Module<Tensor, Tensor>
{
    /// <summary>Output channels over <c>planes</c>.</summary>
    public const int Expansion = 4;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv3;
    private readonly BatchNorm2d bn3;
    private readonly Sequential? downsample;

    /// <summary>Builds the block (groups 1, base width 64, torchvision's construction order).</summary>
    public Bottleneck(long inplanes, long planes, long stride, Sequential? downsample, long dilation) : base(nameof(Bottleneck))
    {
        conv1 = nn.Conv2d(inplanes, planes, 1, bias: false);
        bn1 = nn.BatchNorm2d(planes);
        conv2 = nn.Conv2d(planes, planes, 3, stride: stride, padding: dilation, dilation: dilation, bias: false);
        bn2 = nn.BatchNorm2d(planes);
        conv3 = nn.Conv2d(planes, planes * Expansion, 1, bias: false);
        bn3 = nn.BatchNorm2d(planes * Expansion);
        this.downsample = downsample;
        RegisterComponents();
    }

    /// <summary>relu(bn3(conv3(relu(bn2(conv2(relu(bn1(conv1(x)))))))) + shortcut(x)).</summary>
    public override Tensor forward(Tensor input)
    {
        using var a = conv1.call(input);
        using var b = bn1.call(a);
        using var c = b.relu();
        using var d = conv2.call(c);
        using var e = bn2.call(d);
        using var f = e.relu();
        using var g = conv3.call(f);
        using var h = bn3.call(g);
        using var identity = downsample is null ? input.alias() : downsample.call(input);
        using var sum = h.add(identity);
        return sum.relu();
    }
}
