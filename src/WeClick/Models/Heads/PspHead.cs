using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models.Heads;

/// <summary>
/// The PSPNet head (Zhao et al., CVPR 2017) as ETC's model/pspnet_18.py, which reproduces the paper's PSP-R18 count
/// (algorithms.md §5.2, A10): pyramid pooling (bins 1, 2, 3, 6; each 1×1 conv in → in/4 + BN + ReLU, upsampled with
/// align_corners = true, concatenated with the input), then 3×3 conv → 256 + BN + ReLU + Dropout2d(0.1) + 1×1 classifier
/// with bias; optionally the training-only auxiliary head on <see cref="BackboneFeatures.Auxiliary"/> (3×3 conv → 256
/// + BN + ReLU + Dropout2d(0.1) + 1×1 classifier).
/// </summary>
/// <remarks>
/// <para>Output: <see cref="HeadOutput.Logits"/> at the size of <see cref="BackboneFeatures.High"/> (the backbone's stride,
/// 8 in the paper); <see cref="HeadOutput.Auxiliary"/> at the size of the auxiliary features, only when training with
/// the auxiliary head (ETC weighs its loss 0.4).</para>
/// <para>Parameter names (semseg's PSPNet; PyTorch twin in tests/WeClick.Core.Tests/Reference/heads.py):
/// <c>ppm.features.i.{1,2}</c> conv and BN of bin i; <c>cls.{0,1}</c> 3×3 conv and BN, <c>cls.4.{weight,bias}</c> the
/// classifier; <c>aux.{0,1,4}</c> likewise.</para>
/// <para>With 19 classes, without the auxiliary head: 2,627,859 parameters on ResNet-18 (high 512; total 13,804,371, the
/// paper's 13.80 M), 13,640,979 on ResNet-101 (2048; total 56,141,139) and 7,544,595 on MobileNetV2 (1280; total
/// 9,768,467); the paper's 69.31 / 10.31 M are not reproducible (algorithms.md §5.2). The auxiliary head adds 595,219
/// (ResNet-18, 256 in), 2,364,691 (ResNet-101, 1024 in) or 226,579 (MobileNetV2, 96 in).</para>
/// <para>Training with batch 1 fails in the bin-1 BN (one value per channel), as in PyTorch; eval works.</para>
/// </remarks>
public sealed class PspHead : SegmentationHead
{
    private static readonly int[] s_defaultBins = [1, 2, 3, 6];

    private readonly PyramidPooling ppm;
    private readonly LayerSequence cls;
    private readonly LayerSequence? aux;

    /// <summary>Builds the head.</summary>
    /// <param name="highChannels">Channels of the high-level features (512 for ResNet-18, 2048 for ResNet-101, 1280 for MobileNetV2).</param>
    /// <param name="auxiliaryChannels">Channels of the auxiliary features (ResNet layer3: 256 / 1024; MobileNetV2: 96); used only with <paramref name="auxiliary"/>.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="bins">Pooled sizes of the pyramid; null: (1, 2, 3, 6).</param>
    /// <param name="reduction">Channels of each pyramid branch; null: <paramref name="highChannels"/>/4.</param>
    /// <param name="headChannels">Width of the 3×3 conv after the pyramid (256).</param>
    /// <param name="auxiliary">Whether to build the training-only auxiliary head.</param>
    /// <param name="dropout">Channel dropout before each classifier (0.1). No parameters.</param>
    /// <param name="auxiliaryHeadChannels">Width of the auxiliary 3×3 conv (256).</param>
    /// <exception cref="ArgumentOutOfRangeException">A channel count, <paramref name="classes"/>, a bin or the reduction is not
    /// positive (the default reduction needs <paramref name="highChannels"/> ≥ 4), or <paramref name="dropout"/> is outside [0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="bins"/> is empty.</exception>
    public PspHead(long highChannels, long auxiliaryChannels, long classes, IReadOnlyList<int>? bins = null, long? reduction = null,
        long headChannels = 256, bool auxiliary = false, double dropout = 0.1, long auxiliaryHeadChannels = 256) : base(nameof(PspHead))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(highChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(headChannels);
        if (auxiliary)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(auxiliaryChannels);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(auxiliaryHeadChannels);
        }
        if (!(dropout >= 0 && dropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, $"dropout must be in [0, 1), not {dropout}.");
        }
        bins ??= s_defaultBins;
        if (bins.Count == 0)
        {
            throw new ArgumentException("The pyramid needs at least one bin; got none.", nameof(bins));
        }
        foreach (var bin in bins)
        {
            if (bin <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bins), bin, $"bins must be positive; got ({string.Join(", ", bins)}).");
            }
        }
        // algorithms.md A10: reduction = in/4 (= in/len(bins) for the four standard bins, as ETC and semseg compute it).
        var branchChannels = reduction ?? highChannels / 4;
        if (branchChannels <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reduction), branchChannels,
                $"the pyramid branches need at least one channel; got {branchChannels} (high channels {highChannels}).");
        }
        HighChannels = highChannels;
        AuxiliaryChannels = auxiliaryChannels;
        Classes = classes;
        Bins = [.. bins];
        Reduction = branchChannels;
        HasAuxiliary = auxiliary;
        ppm = new PyramidPooling(highChannels, branchChannels, Bins);
        cls = Classifier(highChannels + Bins.Count * branchChannels, headChannels, classes, dropout);
        aux = auxiliary ? Classifier(auxiliaryChannels, auxiliaryHeadChannels, classes, dropout) : null;
        RegisterComponents();
    }

    /// <summary>A head for <paramref name="backbone"/>'s channels, otherwise the paper's settings.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="backbone"/> is null.</exception>
    public static PspHead For(Backbone backbone, long classes, bool auxiliary = false)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        return new PspHead(backbone.HighChannels, backbone.AuxiliaryChannels, classes, auxiliary: auxiliary);
    }

    /// <inheritdoc/>
    public override long Classes { get; }

    /// <summary>Channels expected in <see cref="BackboneFeatures.High"/>.</summary>
    public long HighChannels { get; }

    /// <summary>Channels expected in <see cref="BackboneFeatures.Auxiliary"/> (checked only with the auxiliary head).</summary>
    public long AuxiliaryChannels { get; }

    /// <summary>The pyramid's pooled sizes.</summary>
    public IReadOnlyList<int> Bins { get; }

    /// <summary>Channels of each pyramid branch.</summary>
    public long Reduction { get; }

    /// <summary>Whether the auxiliary head exists (its output appears only in training).</summary>
    public bool HasAuxiliary { get; }

    /// <summary>Features → logits at the size of <see cref="BackboneFeatures.High"/>, and auxiliary logits when training with the auxiliary head.</summary>
    /// <exception cref="ArgumentException">High (or, with the auxiliary head in training, Auxiliary) does not have the expected channels.</exception>
    /// <exception cref="InvalidOperationException">Training with batch 1 (the bin-1 BN needs two values per channel).</exception>
    public override HeadOutput forward(BackboneFeatures input)
    {
        ArgumentNullException.ThrowIfNull(input);
        HeadLayers.RequireChannels(input.High, HighChannels, "High");
        var useAuxiliary = aux is not null && training;
        if (useAuxiliary)
        {
            HeadLayers.RequireChannels(input.Auxiliary, AuxiliaryChannels, "Auxiliary");
        }
        using var pooled = ppm.call(input.High); // [N, C + bins·C/4, h, w]
        var logits = cls.call(pooled);
        return new HeadOutput(logits, useAuxiliary ? aux!.call(input.Auxiliary) : null);
    }

    /// <summary>3×3 conv (no bias) + BN + ReLU + Dropout2d + 1×1 conv with bias, named 0–4.</summary>
    private static LayerSequence Classifier(long inChannels, long channels, long classes, double dropout) =>
        new([.. HeadLayers.ConvBnReLULayers(inChannels, channels, 3), nn.Dropout2d(dropout), nn.Conv2d(channels, classes, 1)]);
}
