using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models.Heads;

/// <summary>Building blocks and checks shared by the heads.</summary>
internal static class HeadLayers
{
    /// <summary>
    /// Bias-free conv (square kernel, "same" padding = dilation·⌊k/2⌋) + BN + ReLU, named <c>0</c>, <c>1</c>, <c>2</c>
    /// (algorithms.md §5.1: every ASPP and decoder conv is bias-free and followed by BN + ReLU).
    /// </summary>
    public static LayerSequence ConvBnReLU(long inChannels, long outChannels, long kernel, long dilation = 1) =>
        new(ConvBnReLULayers(inChannels, outChannels, kernel, dilation));

    /// <summary>The three layers of <see cref="ConvBnReLU"/>, to chain several in one <see cref="LayerSequence"/>.</summary>
    public static nn.Module<Tensor, Tensor>[] ConvBnReLULayers(long inChannels, long outChannels, long kernel, long dilation = 1) =>
    [
        nn.Conv2d(inChannels, outChannels, kernel, padding: dilation * (kernel / 2), dilation: dilation, bias: false),
        nn.BatchNorm2d(outChannels),
        nn.ReLU(),
    ];

    /// <summary>
    /// A pooling branch: adaptive average pool to <paramref name="bin"/>² → 1×1 conv (no bias) + BN + ReLU, named
    /// <c>0</c> (pool), <c>1</c> (conv), <c>2</c> (BN), <c>3</c> (ReLU) as in torchvision's ASPPPooling and semseg's PPM.
    /// </summary>
    public static LayerSequence PoolingBranch(long inChannels, long outChannels, long bin) =>
        new(
            new AdaptiveAvgPool2d(bin),
            nn.Conv2d(inChannels, outChannels, 1, bias: false),
            nn.BatchNorm2d(outChannels),
            nn.ReLU());

    /// <summary>
    /// PyTorch's <c>F.batch_norm</c> refuses a training batch with one value per channel (batch 1 on a 1×1 pooled map);
    /// libtorch's kernel, which TorchSharp's BatchNorm2d calls, does not check and would set the running variance to NaN.
    /// The same check, with PyTorch's message.
    /// </summary>
    /// <param name="training">Whether the BN is in training mode.</param>
    /// <param name="operation">The head's forward, for the message.</param>
    /// <param name="batch">N of the input.</param>
    /// <param name="bin">Side of the pooled map the BN sees.</param>
    /// <param name="channels">C of the pooled map, for the message.</param>
    /// <exception cref="InvalidOperationException">Training with N·bin² = 1.</exception>
    public static void RequireBatchStatistics(bool training, string operation, long batch, long bin, long channels)
    {
        if (training && batch * bin * bin == 1)
        {
            throw new InvalidOperationException(
                $"{operation}: Expected more than 1 value per channel when training, got input size [{batch}, {channels}, {bin}, {bin}] "
                + "(a BatchNorm after pooling to 1×1 needs a batch of at least 2 in training; eval() works with batch 1).");
        }
    }

    /// <summary>Throws when a feature map does not have the channels the head was built for.</summary>
    /// <exception cref="ArgumentException">Not 4-D, or C ≠ <paramref name="expected"/>.</exception>
    public static void RequireChannels(Tensor features, long expected, string name)
    {
        ArgumentNullException.ThrowIfNull(features, name);
        if (features.dim() != 4 || features.size(1) != expected)
        {
            throw new ArgumentException(
                $"{name} features must be [N, {expected}, H, W]; got [{string.Join(", ", features.shape)}].", name);
        }
    }
}
