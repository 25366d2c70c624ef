namespace WeClick.Models;

/// <summary>Typed options of a catalogue model (<see cref="ModelCatalog"/>).</summary>
/// <param name="Classes">Output classes (19 for Cityscapes, 11 for CamVid and the synthetic set).</param>
/// <param name="OutputStride">8 or 16; null means the head's usual choice (DeepLabV3+ 16, PSPNet 8; algorithms.md A10).</param>
/// <param name="WidthMultiplier">MobileNetV2's width multiplier (1.0 in the paper); must be 1.0 for ResNets.</param>
/// <param name="AuxiliaryHead">PSPNet's training-only auxiliary head (not counted in the paper's parameter numbers).</param>
public sealed record ModelOptions(long Classes = 19, int? OutputStride = null, double WidthMultiplier = 1.0, bool AuxiliaryHead = false);
