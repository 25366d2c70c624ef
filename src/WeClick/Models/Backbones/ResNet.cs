using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Models.Backbones;

/// <summary>
/// ResNet-18/34/50/101 as torchvision's <c>resnet18()</c> ... <c>resnet101()</c> without <c>avgpool</c> and
/// <c>fc</c>: the 7×7 stride-2 stem (<c>conv1</c>, <c>bn1</c>, ReLU, 3×3 stride-2 max-pool) and <c>layer1</c> to
/// <c>layer4</c>, with torchvision's parameter names, so torchvision's ImageNet weights load unchanged
/// (<see cref="ImageNetWeights"/>) and give torchvision's features.
/// </summary>
/// <remarks>
/// <para>Output stride 16 dilates <c>layer4</c> (torchvision <c>replace_stride_with_dilation=(False, False, True)</c>,
/// as GCRF's DeepLabV3+, algorithms.md §5.1); 8 dilates <c>layer3</c> by 2 and <c>layer4</c> by 4
/// (<c>(False, True, True)</c>, as PSPNet, §5.2). A dilated stage's first block has stride 1 and the previous
/// stage's dilation, the others the stage's dilation (torchvision's <c>_make_layer</c>, <c>previous_dilation</c>).
/// BasicBlock (ResNet-18/34) is dilated on both 3×3 convs; see <see cref="BasicBlock"/>.</para>
/// <para>Features: <see cref="BackboneFeatures.Low"/> = <c>layer1</c> (stride 4), <see cref="BackboneFeatures.Auxiliary"/>
/// = <c>layer3</c>, <see cref="BackboneFeatures.High"/> = <c>layer4</c> (stride <see cref="OutputStride"/>).</para>
/// <para>Initialisation as torchvision (convs kaiming_normal_, fan_out, ReLU gain; BN weight 1, bias 0), drawn from
/// libtorch's default generator in torchvision's order: call <c>torch.manual_seed(s)</c> before <see cref="Create"/>
/// for reproducible weights; they then equal those of <c>torch.manual_seed(s); torchvision.models.resnetN()</c>.</para>
/// </remarks>
public sealed class ResNet : Backbone, IFoldsBatchNorm
{
    private readonly Conv2d conv1;
    private BatchNorm2d? bn1;   // null once folded into conv1 (BatchNormFolding)
    private readonly LayerSequence layer1;
    private readonly LayerSequence layer2;
    private readonly LayerSequence layer3;
    private readonly LayerSequence layer4;

    // Construction state of torchvision's _make_layer (not registered: plain numbers).
    private long inplanes = 64;
    private long dilation = 1;

    private ResNet(int depth, int outputStride, int layer4Blocks = 0) : base("resnet" + depth.ToString(CultureInfo.InvariantCulture))
    {
        var (bottleneck, blocks) = depth switch
        {
            18 => (false, new[] { 2, 2, 2, 2 }),
            34 => (false, new[] { 3, 4, 6, 3 }),
            50 => (true, new[] { 3, 4, 6, 3 }),
            101 => (true, new[] { 3, 4, 23, 3 }),
            _ => throw new ArgumentException(
                $"ResNet depth must be one of {string.Join(", ", ValidDepths)} (got {depth}).", nameof(depth)),
        };
        if (layer4Blocks > 0)
        {
            blocks[3] = layer4Blocks;
        }
        var (dilateLayer3, dilateLayer4) = outputStride switch
        {
            32 => (false, false),   // torchvision's own layout: CreateCntkResNet18 only
            16 => (false, true),
            8 => (true, true),
            _ => throw new ArgumentException(
                $"ResNet output stride must be one of {string.Join(", ", ValidOutputStrides)} (got {outputStride}).", nameof(outputStride)),
        };
        Depth = depth;
        OutputStride = outputStride;
        var expansion = bottleneck ? Bottleneck.Expansion : BasicBlock.Expansion;

        conv1 = nn.Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(64);
        layer1 = MakeLayer(bottleneck, 64, blocks[0], stride: 1, dilate: false);
        layer2 = MakeLayer(bottleneck, 128, blocks[1], stride: 2, dilate: false);
        layer3 = MakeLayer(bottleneck, 256, blocks[2], stride: 2, dilate: dilateLayer3);
        layer4 = MakeLayer(bottleneck, 512, blocks[3], stride: 2, dilate: dilateLayer4);
        RegisterComponents();

        TorchvisionInit.SkipClassifier(512 * expansion);   // torchvision's fc = Linear(512·expansion, 1000)
        TorchvisionInit.Apply(this);
        LowChannels = 64 * expansion;
        AuxiliaryChannels = 256 * expansion;
        HighChannels = 512 * expansion;
    }

    /// <summary>The depths <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<int> ValidDepths { get; } = [18, 34, 50, 101];

    /// <summary>The output strides <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<int> ValidOutputStrides { get; } = [8, 16];

    /// <summary>18, 34, 50 or 101.</summary>
    public int Depth { get; }

    /// <inheritdoc/>
    public override int OutputStride { get; }

    /// <inheritdoc/>
    public override long LowChannels { get; }

    /// <inheritdoc/>
    public override long AuxiliaryChannels { get; }

    /// <inheritdoc/>
    public override long HighChannels { get; }

    /// <summary>
    /// A randomly initialised ResNet (torchvision's init from the default generator; seed it with
    /// <c>torch.manual_seed</c> first). Load ImageNet weights with <see cref="ImageNetWeights.Load"/>.
    /// </summary>
    /// <param name="depth">18, 34 (BasicBlock), 50 or 101 (Bottleneck).</param>
    /// <param name="outputStride">16 (layer4 dilated) or 8 (layer3 and layer4 dilated).</param>
    /// <exception cref="ArgumentException">An unknown depth or output stride (the message lists the valid values).</exception>
    public static ResNet Create(int depth, int outputStride)
    {
        if (!ValidOutputStrides.Contains(outputStride))
        {
            throw new ArgumentException(
                $"ResNet output stride must be one of {string.Join(", ", ValidOutputStrides)} (got {outputStride}).", nameof(outputStride));
        }
        return new(depth, outputStride);
    }

    /// <summary>
    /// The network of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>'s ONNX graph: ResNet-18 with THREE blocks in
    /// <c>layer4</c> (<c>layer4.2</c>) and no dilation (output stride 32), so that the whole imported graph can be checked
    /// against ONNX Runtime. Not in the catalogue, which keeps torchvision's ResNet-18 (<see cref="ResNet18Onnx"/>).
    /// </summary>
    internal static ResNet CreateCntkResNet18() => new(18, 32, layer4Blocks: 3);

    /// <summary>[N, 3, H, W] → layer1 (stride 4), layer3 and layer4 (stride <see cref="OutputStride"/>) features.</summary>
    public override BackboneFeatures forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor low, auxiliary, high;
        using (var a = conv1.call(input))
        using (var b = bn1?.call(a))
        using (var c = (b ?? a).relu())
        using (var stem = F.max_pool2d(c, [3, 3], [2, 2], [1, 1]))
        {
            low = layer1.call(stem);
        }
        using (var l2 = layer2.call(low))
        {
            auxiliary = layer3.call(l2);
        }
        high = layer4.call(auxiliary);
        return new BackboneFeatures(low, auxiliary, high);
    }

    /// <summary>Folds the stem's BN into <c>conv1</c> (the blocks fold their own); see <see cref="BatchNormFolding"/>.</summary>
    int IFoldsBatchNorm.FoldBatchNorm() => BatchNormFolding.FoldField(this, conv1, ref bn1, nameof(bn1));

    /// <inheritdoc/>
    public override string GetName() => "resnet" + Depth.ToString(CultureInfo.InvariantCulture);

    // torchvision's ResNet._make_layer, including its construction order (downsample before the first block).
    private LayerSequence MakeLayer(bool bottleneck, long planes, int blocks, long stride, bool dilate)
    {
        var expansion = bottleneck ? Bottleneck.Expansion : BasicBlock.Expansion;
        var previousDilation = dilation;
        if (dilate)
        {
            dilation *= stride;
            stride = 1;
        }
        LayerSequence? downsample = null;
        if (stride != 1 || inplanes != planes * expansion)
        {
            downsample = new LayerSequence(nn.Conv2d(inplanes, planes * expansion, 1, stride: stride, bias: false), nn.BatchNorm2d(planes * expansion));
        }
        var layer = new LayerSequence(Block(bottleneck, inplanes, planes, stride, downsample, previousDilation));
        inplanes = planes * expansion;
        for (var i = 1; i < blocks; i++)
        {
            layer.Append(Block(bottleneck, inplanes, planes, 1, null, dilation));
        }
        return layer;
    }

    private static nn.Module<Tensor, Tensor> Block(bool bottleneck, long inplanes, long planes, long stride, LayerSequence? downsample, long dilation) =>
        bottleneck
            ? new Bottleneck(inplanes, planes, stride, downsample, dilation)
            : new BasicBlock(inplanes, planes, stride, downsample, dilation);
}
