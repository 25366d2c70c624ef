using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// ResNet-18/34's residual block, as torchvision's <c>BasicBlock</c> (parameters <c>conv1</c>, <c>bn1</c>,
/// <c>conv2</c>, <c>bn2</c>, <c>downsample.0/1</c>), extended with dilation.
/// </summary>
/// <remarks>
/// torchvision's BasicBlock refuses dilation &gt; 1; GCRF's <c>BasicBlockWithDilation</c> (algorithms.md §5.1)
/// allows it for DeepLab-R18/34 and ETC's PSP-R18. Our rule: BOTH 3×3 convs use the block's dilation, with
/// padding = dilation (the spatial size is kept); <see cref="ResNet"/> gives the first block of a dilated stage
/// the previous stage's dilation, as torchvision's <c>_make_layer</c> does for Bottleneck (<c>previous_dilation</c>).
/// With dilation 1 this is exactly torchvision's BasicBlock. After <see cref="BatchNormFolding.Fold"/> the BN fields are
/// null and the forward skips them.
/// </remarks>
internal sealed class BasicBlock : nn.Module<Tensor, Tensor>, IFoldsBatchNorm
{
    /// <summary>Output channels over <c>planes</c>.</summary>
    public const int Expansion = 1;

    private readonly Conv2d conv1;
    private BatchNorm2d? bn1;   // null once folded into conv1
    private readonly Conv2d conv2;
    private BatchNorm2d? bn2;   // null once folded into conv2
    private readonly LayerSequence? downsample;

    /// <summary>Builds the block (torchvision's construction order, so a seed gives torchvision's numbers).</summary>
    public BasicBlock(long inplanes, long planes, long stride, LayerSequence? downsample, long dilation) : base(nameof(BasicBlock))
    {
        conv1 = nn.Conv2d(inplanes, planes, 3, stride: stride, padding: dilation, dilation: dilation, bias: false);
        bn1 = nn.BatchNorm2d(planes);
        conv2 = nn.Conv2d(planes, planes, 3, stride: 1, padding: dilation, dilation: dilation, bias: false);
        bn2 = nn.BatchNorm2d(planes);
        this.downsample = downsample;
        RegisterComponents();
    }

    /// <summary>relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)).</summary>
    public override Tensor forward(Tensor input)
    {
        using var a = conv1.call(input);
        using var b = bn1?.call(a);
        using var c = (b ?? a).relu();
        using var d = conv2.call(c);
        using var e = bn2?.call(d);
        using var identity = downsample is null ? input.alias() : downsample.call(input);
        using var sum = (e ?? d).add(identity);
        return sum.relu();
    }

    /// <inheritdoc/>
    public int FoldBatchNorm() =>
        BatchNormFolding.FoldField(this, conv1, ref bn1, nameof(bn1)) + BatchNormFolding.FoldField(this, conv2, ref bn2, nameof(bn2));
}
