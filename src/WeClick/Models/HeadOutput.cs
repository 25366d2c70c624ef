using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>What a head computes, before upsampling to the input size.</summary>
/// <param name="Logits">Class logits at the head's stride: 4 for DeepLabV3+ (its decoder), the output stride for PSPNet.</param>
/// <param name="Auxiliary">PSPNet's auxiliary-head logits (training only), or null.</param>
public sealed record HeadOutput(Tensor Logits, Tensor? Auxiliary);
