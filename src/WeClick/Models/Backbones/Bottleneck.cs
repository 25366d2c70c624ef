using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// ResNet-50/101's residual block, as torchvision's <c>Bottleneck</c> (v1.5: the stride is on the 3×3 conv;
/// parameters <c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>, <c>conv3</c>, <c>bn3</c>, <c>downsample.0/1</c>).
/// Only the 3×3 conv is dilated (padding = dilation). After <see cref="BatchNormFolding.Fold"/> the BN fields are null
/// and the forward skips them.
/// </summary>
internal sealed class Bottleneck : nn.Module<Tensor, Tensor>, IFoldsBatchNorm
{
    /// <summary>Output channels over <c>planes</c>.</summary>
    public const int Expansion = 4;

    private readonly Conv2d conv1;
    private BatchNorm2d? bn1;   // the BN fields are null once folded into the conv before them
    private readonly Conv2d conv2;
    private BatchNorm2d? bn2;
    private readonly Conv2d conv3;
    private BatchNorm2d? bn3;
    private readonly LayerSequence? downsample;

    /// <summary>Builds the block (groups 1, base width 64, torchvision's construction order).</summary>
    public Bottleneck(long inplanes, long planes, long stride, LayerSequence? downsample, long dilation) : base(nameof(Bottleneck))
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
        using var b = bn1?.call(a);
        using var c = (b ?? a).relu();
        using var d = conv2.call(c);
        using var e = bn2?.call(d);
        using var f = (e ?? d).relu();
        using var g = conv3.call(f);
        using var h = bn3?.call(g);
        using var identity = downsample is null ? input.alias() : downsample.call(input);
        using var sum = (h ?? g).add(identity);
        return sum.relu();
    }

    /// <inheritdoc/>
    public int FoldBatchNorm() =>
        BatchNormFolding.FoldField(this, conv1, ref bn1, nameof(bn1)) + BatchNormFolding.FoldField(this, conv2, ref bn2, nameof(bn2))
        + BatchNormFolding.FoldField(this, conv3, ref bn3, nameof(bn3));
}
