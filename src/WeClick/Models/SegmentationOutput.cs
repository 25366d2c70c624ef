using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>A segmentor's prediction.</summary>
/// <param name="Logits">[N, classes, H, W] at the input size: what partial cross-entropy, KD, MFD and evaluation use.</param>
/// <param name="HeadLogits">[N, classes, H/s, W/s] before upsampling (s = 4 for DeepLabV3+): what Gated CRF uses
/// (algorithms.md A5: the reference feeds it the decoder's stride-4 logits).</param>
/// <param name="AuxiliaryLogits">PSPNet's auxiliary logits at the input size (training only), or null.</param>
public sealed record SegmentationOutput(Tensor Logits, Tensor HeadLogits, Tensor? AuxiliaryLogits);
