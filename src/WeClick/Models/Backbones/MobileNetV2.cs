using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// MobileNetV2 as torchvision's <c>mobilenet_v2().features</c> (names <c>features.0.0.weight</c> ...
/// <c>features.18.1.running_var</c>; no <c>classifier</c>), so torchvision's ImageNet weights load unchanged
/// (<see cref="ImageNetWeights"/>).
/// </summary>
/// <remarks>
/// <para>Features (algorithms.md §5.1): <see cref="BackboneFeatures.Low"/> = <c>features[0:4]</c> (24·w channels,
/// stride 4), <see cref="BackboneFeatures.Auxiliary"/> = <c>features[0:14]</c> (96·w channels),
/// <see cref="BackboneFeatures.High"/> = all of <c>features</c>, including the last 1×1 ConvBNReLU6 to 1280
/// channels: ASPP on this tap is what reproduces the paper's 13.35 M for DeepLabV3+-MobileNetV2.</para>
/// <para>Output stride (torchvision-style DeepLab dilation, as its dilated MobileNetV3): 16 gives every block of
/// <c>features[14:]</c> stride 1 and depthwise dilation 2 (the stride-2 block <c>features[14]</c> included);
/// 8 also gives <c>features[7:14]</c> stride 1 and dilation 2, and <c>features[14:]</c> dilation 4. Padding =
/// dilation, so sizes are kept.</para>
/// <para>Initialisation as torchvision (convs kaiming_normal_ fan_out, BN 1/0) from libtorch's default generator
/// in torchvision's order: <c>torch.manual_seed(s)</c> before <see cref="Create"/> gives the weights of
/// <c>torch.manual_seed(s); torchvision.models.mobilenet_v2(width_mult=w)</c>.</para>
/// </remarks>
public sealed class MobileNetV2 : Backbone
{
    private const int LowTap = 3;         // output of features[0:4]
    private const int AuxiliaryTap = 13;  // output of features[0:14]

    // torchvision's inverted_residual_setting: expansion t, channels c, repeats n, stride s.
    private static readonly (int t, int c, int n, int s)[] s_setting =
        [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)];

    private readonly LayerSequence features;

    private MobileNetV2(double widthMultiplier, int outputStride) : base(nameof(MobileNetV2))
    {
        if (!(widthMultiplier > 0) || double.IsInfinity(widthMultiplier))
        {
            throw new ArgumentException($"MobileNetV2 width multiplier must be a positive number (got {widthMultiplier}).", nameof(widthMultiplier));
        }
        // Dilation of features[7:14] and features[14:].
        var (middleDilation, lastDilation) = outputStride switch
        {
            16 => (1, 2),
            8 => (2, 4),
            _ => throw new ArgumentException(
                $"MobileNetV2 output stride must be one of {string.Join(", ", ValidOutputStrides)} (got {outputStride}).", nameof(outputStride)),
        };
        WidthMultiplier = widthMultiplier;
        OutputStride = outputStride;

        var input = MakeDivisible(32 * widthMultiplier);
        var last = MakeDivisible(1280 * Math.Max(1.0, widthMultiplier));
        features = new LayerSequence(InvertedResidual.ConvNormReLU6(3, input, 3, stride: 2));
        foreach (var (t, c, n, s) in s_setting)
        {
            var output = MakeDivisible(c * widthMultiplier);
            for (var i = 0; i < n; i++)
            {
                var index = features.Count;
                var dilation = index >= 14 ? lastDilation : index >= 7 ? middleDilation : 1;
                features.Append(new InvertedResidual(input, output, i == 0 ? s : 1, t, dilation));
                input = output;
            }
            if (features.Count == LowTap + 1)
            {
                LowChannels = output;
            }
            if (features.Count == AuxiliaryTap + 1)
            {
                AuxiliaryChannels = output;
            }
        }
        features.Append(InvertedResidual.ConvNormReLU6(input, last, 1));
        HighChannels = last;
        RegisterComponents();

        TorchvisionInit.SkipClassifier(last);   // torchvision's classifier = Dropout, Linear(last_channel, 1000)
        TorchvisionInit.Apply(this);
    }

    /// <summary>The output strides <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<int> ValidOutputStrides { get; } = [8, 16];

    /// <summary>torchvision's <c>width_mult</c> (1.0 for the paper's model).</summary>
    public double WidthMultiplier { get; }

    /// <inheritdoc/>
    public override int OutputStride { get; }

    /// <inheritdoc/>
    public override long LowChannels { get; }

    /// <inheritdoc/>
    public override long AuxiliaryChannels { get; }

    /// <inheritdoc/>
    public override long HighChannels { get; }

    /// <summary>
    /// A randomly initialised MobileNetV2 (torchvision's init from the default generator; seed it with
    /// <c>torch.manual_seed</c> first). Load ImageNet weights with <see cref="ImageNetWeights.Load"/>.
    /// </summary>
    /// <param name="outputStride">16 (<c>features[14:]</c> dilated) or 8 (<c>features[7:]</c> dilated too).</param>
    /// <param name="widthMultiplier">Channel multiplier; channel counts are rounded to multiples of 8 as torchvision's <c>_make_divisible</c>.</param>
    /// <exception cref="ArgumentException">An unknown output stride (the message lists the valid ones) or a width multiplier that is not positive.</exception>
    public static MobileNetV2 Create(int outputStride, double widthMultiplier = 1.0) => new(widthMultiplier, outputStride);

    /// <summary>
    /// torchvision's <c>_make_divisible(v, 8)</c>: the multiple of 8 nearest to v (halves up), at least 8, and
    /// not below 90 % of v.
    /// </summary>
    public static long MakeDivisible(double value, long divisor = 8)
    {
        var rounded = Math.Max(divisor, (long)Math.Floor(value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }

    /// <summary>[N, 3, H, W] → <c>features[0:4]</c> (stride 4), <c>features[0:14]</c> and all features (stride <see cref="OutputStride"/>).</summary>
    public override BackboneFeatures forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor? low = null, auxiliary = null;
        var x = input;
        for (var i = 0; i < features.Count; i++)
        {
            var y = features[i].call(x);
            if (!ReferenceEquals(x, input) && !ReferenceEquals(x, low) && !ReferenceEquals(x, auxiliary))
            {
                x.Dispose();
            }
            x = y;
            if (i == LowTap)
            {
                low = x;
            }
            else if (i == AuxiliaryTap)
            {
                auxiliary = x;
            }
        }
        return new BackboneFeatures(low!, auxiliary!, x);
    }

    /// <inheritdoc/>
    public override string GetName() => "mobilenet_v2" + (WidthMultiplier == 1.0 ? "" : "_" + WidthMultiplier.ToString(CultureInfo.InvariantCulture));
}
