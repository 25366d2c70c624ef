using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Models.Heads;

/// <summary>
/// The DeepLabV3+ head (Chen et al., ECCV 2018) as WeClick's models use it: Gated CRF's model_net_deeplab_v3_plus.py,
/// which reproduces the paper's parameter counts exactly (algorithms.md §5.1, A10). ASPP on the high-level features
/// (1×1, three 3×3 standard atrous convs at rates 6/12/18 — 12/24/36 at output stride 8 —, image pooling, 1×1
/// projection; 256 channels, every conv bias-free + BN + ReLU), then the decoder on the stride-4 features (1×1 to 48,
/// concatenation with the upsampled ASPP output, two 3×3 convs to 256, 1×1 classifier with bias).
/// </summary>
/// <remarks>
/// <para>Output: <see cref="HeadOutput.Logits"/> [N, classes, H/4, W/4] at the size of <see cref="BackboneFeatures.Low"/>;
/// no auxiliary output. Upsampling is bilinear with align_corners = false, as <see cref="Segmentor"/> (JFZ uses true; it
/// changes values, not parameters).</para>
/// <para>Parameter names (state-dict keys, PyTorch twin in tests/WeClick.Core.Tests/Reference/heads.py):
/// <c>aspp.convs.0.{0,1}</c> 1×1 conv and BN; <c>aspp.convs.1–3.{0,1}</c> atrous convs and BNs;
/// <c>aspp.convs.4.{1,2}</c> image-pooling conv and BN; <c>aspp.project.{0,1}</c>; <c>decoder.reduce.{0,1}</c> low-level
/// 1×1 conv and BN; <c>decoder.fuse.{0,1,3,4}</c> the two 3×3 convs and BNs; <c>decoder.classifier.{weight,bias}</c>.</para>
/// <para>With 19 classes the head has 5,431,155 parameters on ResNet-18/34 (low 64, high 512), 16,843,635 on ResNet-101
/// (256, 2048) and 11,130,867 on MobileNetV2 (24, 1280): totals 16,607,667 / 26,715,827 / 59,343,795 / 13,354,739 with
/// the torchvision backbones, the paper's 16.61 / 26.72 / 59.34 / 13.35 M.</para>
/// <para>Batch 1 in training fails in the image-pooling BN (one value per channel), as in PyTorch; eval works.</para>
/// </remarks>
public sealed class DeepLabV3PlusHead : SegmentationHead
{
    private readonly Aspp aspp;
    private readonly DeepLabV3PlusDecoder decoder;

    /// <summary>Builds the head.</summary>
    /// <param name="lowChannels">Channels of the stride-4 features (64 for ResNet-18/34, 256 for ResNet-101, 24 for MobileNetV2).</param>
    /// <param name="highChannels">Channels of the high-level features (512, 2048, 1280).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="outputStride">The backbone's output stride, 16 (the paper's) or 8; it only chooses the default rates.</param>
    /// <param name="asppChannels">Width of ASPP and decoder (256).</param>
    /// <param name="rates">Atrous rates of the 3×3 branches; null: (6, 12, 18) at output stride 16, (12, 24, 36) at 8.</param>
    /// <param name="lowLevelChannels">Channels of the reduced skip (48).</param>
    /// <param name="dropout">Dropout after the ASPP projection (JFZ uses 0.5; Gated CRF none, the default 0). No parameters.</param>
    /// <exception cref="ArgumentOutOfRangeException">A channel count or <paramref name="classes"/> is not positive, a rate is not
    /// positive, <paramref name="outputStride"/> is not 8 or 16, or <paramref name="dropout"/> is outside [0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="rates"/> is empty.</exception>
    public DeepLabV3PlusHead(long lowChannels, long highChannels, long classes, int outputStride = 16, long asppChannels = 256,
        IReadOnlyList<int>? rates = null, long lowLevelChannels = 48, double dropout = 0.0) : base(nameof(DeepLabV3PlusHead))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lowChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(highChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(asppChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lowLevelChannels);
        if (outputStride is not (8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(outputStride), outputStride, $"DeepLabV3+ supports output stride 8 or 16, not {outputStride}.");
        }
        if (!(dropout >= 0 && dropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, $"dropout must be in [0, 1), not {dropout}.");
        }
        rates ??= outputStride == 16 ? [6, 12, 18] : [12, 24, 36];
        if (rates.Count == 0)
        {
            throw new ArgumentException("ASPP needs at least one atrous rate; got none.", nameof(rates));
        }
        foreach (var rate in rates)
        {
            if (rate <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(rates), rate, $"atrous rates must be positive; got ({string.Join(", ", rates)}).");
            }
        }
        LowChannels = lowChannels;
        HighChannels = highChannels;
        Classes = classes;
        OutputStride = outputStride;
        Rates = [.. rates];
        aspp = new Aspp(highChannels, asppChannels, Rates, dropout);
        decoder = new DeepLabV3PlusDecoder(lowChannels, lowLevelChannels, asppChannels, classes);
        RegisterComponents();
    }

    /// <summary>A head for <paramref name="backbone"/>'s channels and output stride, otherwise the paper's settings.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="backbone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As the constructor (e.g. a backbone at output stride 32).</exception>
    public static DeepLabV3PlusHead For(Backbone backbone, long classes)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        return new DeepLabV3PlusHead(backbone.LowChannels, backbone.HighChannels, classes, backbone.OutputStride);
    }

    /// <inheritdoc/>
    public override long Classes { get; }

    /// <summary>Channels expected in <see cref="BackboneFeatures.Low"/>.</summary>
    public long LowChannels { get; }

    /// <summary>Channels expected in <see cref="BackboneFeatures.High"/>.</summary>
    public long HighChannels { get; }

    /// <summary>The output stride the rates were chosen for (8 or 16).</summary>
    public int OutputStride { get; }

    /// <summary>The atrous rates of the 3×3 ASPP branches.</summary>
    public IReadOnlyList<int> Rates { get; }

    /// <summary>Features → logits at the size of <see cref="BackboneFeatures.Low"/> (stride 4); <see cref="BackboneFeatures.Auxiliary"/> is unused.</summary>
    /// <exception cref="ArgumentException">Low or High does not have the channels the head was built for.</exception>
    /// <exception cref="InvalidOperationException">Training with batch 1 (the image-pooling BN needs two values per channel).</exception>
    public override HeadOutput forward(BackboneFeatures input)
    {
        ArgumentNullException.ThrowIfNull(input);
        HeadLayers.RequireChannels(input.Low, LowChannels, "Low");
        HeadLayers.RequireChannels(input.High, HighChannels, "High");
        using var context = aspp.call(input.High); // [N, 256, H/s, W/s]
        return new HeadOutput(decoder.forward(input.Low, context), null);
    }
}
