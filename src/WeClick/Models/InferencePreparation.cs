using WeClick.Engine;
using WeClick.Models.Heads;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>
/// Readies a trained segmentor for inference only, as <c>weclick infer</c> and <c>weclick bench models</c> ("C# tuned")
/// use it: eval mode, BatchNorm folded into the convolutions (<see cref="BatchNormFolding"/>), and channels-last
/// (NHWC) weights where that was measured to help. Pair it with <see cref="InferenceMemory.Enter"/> around the forwards.
/// </summary>
/// <remarks>
/// <para>Channels-last: TorchSharp 0.107 has no <c>memory_format</c> argument, so every 4-D parameter is given NHWC
/// strides by a permuted copy (same shape, same values). libtorch's oneDNN convolution then runs in NHWC when the input
/// or the weight is channels-last, and its output stays NHWC, so the reorders between NCHW and oneDNN's blocked layout
/// that cost half of oneDNN's time at 1024×512 (bench/profile/profile-inference.sh) mostly go.</para>
/// <para>Where it helps, measured on the development machine (AMD EPYC, 2 cores, folded, with <see cref="InferenceMemory"/>,
/// medians of 5–7, 2026-12-04): DeepLabV3+ MobileNetV2 at 1024×512 806–828 → 473–526 ms, at 480×360 217–218 →
/// 177–185 ms; DeepLabV3+ ResNet-18 780 → 603 and 253 → 226 ms. PSPNet: MobileNetV2 695–869 → 777–879 and 194–203 →
/// 188–202 ms, ResNet-18 1,052 → 955 and 296 → 309 ms, so neither clearly. At oneDNN's SSE4.1 kernels (the AMD default,
/// environment.md, "AMD CPUs") channels-last was slower for every model tried (DeepLabV3+ MobileNetV2 3,256 → 3,816 ms).
/// So it is applied to DeepLabV3+ heads when oneDNN runs its default kernels, and nowhere else.</para>
/// </remarks>
public static class InferencePreparation
{
    /// <summary>Whether channels-last weights were measured to speed up this model's inference on the kernels in effect.</summary>
    public static bool ChannelsLastHelps(Segmentor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Head is DeepLabV3PlusHead && TorchEngine.OneDnnRunsDefaultKernels && model.parameters().All(p => p.device_type == TorchSharp.DeviceType.CPU);
    }

    /// <summary>
    /// Puts <paramref name="model"/> in eval mode, folds its BatchNorms and, where <see cref="ChannelsLastHelps"/>, gives its
    /// 4-D weights NHWC strides. The model computes the same logits afterwards (to float rounding) but can no longer be
    /// trained or saved as a training checkpoint.
    /// </summary>
    /// <returns>What was done, for a log line: "BatchNorm folded (52 layers), channels-last weights".</returns>
    public static string Prepare(Segmentor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        var folded = model.FoldBatchNorm();
        var channelsLast = ChannelsLastHelps(model);
        if (channelsLast)
        {
            ToChannelsLast(model);
        }
        return $"BatchNorm folded ({folded} layers), {(channelsLast ? "channels-last weights" : "NCHW weights")}";
    }

    /// <summary>Gives every 4-D parameter of <paramref name="model"/> NHWC strides, keeping its shape and values.</summary>
    public static void ToChannelsLast(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var parameter in model.parameters())
        {
            if (parameter.dim() == 4 && !IsChannelsLast(parameter))
            {
                parameter.set_(parameter.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2));
            }
        }
    }

    /// <summary>
    /// Whether a 4-D tensor has NHWC strides (channels vary fastest, then W, H, N). As PyTorch's
    /// <c>is_contiguous(memory_format=torch.channels_last)</c>, the stride of a dimension of size 1 is ignored: it never
    /// addresses a second element, so a depthwise weight [C, 1, kH, kW] or a 1×1 weight [O, I, 1, 1] is NCHW and NHWC at once.
    /// </summary>
    public static bool IsChannelsLast(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 4)
        {
            return false;
        }
        var strides = tensor.stride();
        var sizes = tensor.shape;
        long expected = 1;
        foreach (var dimension in new[] { 1, 3, 2, 0 })
        {
            if (sizes[dimension] != 1 && strides[dimension] != expected)
            {
                return false;
            }
            expected *= sizes[dimension];
        }
        return true;
    }
}
