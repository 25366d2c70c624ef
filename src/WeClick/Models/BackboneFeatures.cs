using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>The feature maps a backbone hands to a segmentation head.</summary>
/// <param name="Low">Stride-4 features (ResNet <c>layer1</c>, MobileNetV2 <c>features[0:4]</c>): DeepLabV3+'s decoder skip.</param>
/// <param name="Auxiliary">Features one stage before the last (ResNet <c>layer3</c>): PSPNet's auxiliary head.</param>
/// <param name="High">The last stage's features, at the backbone's output stride (8 or 16).</param>
public sealed record BackboneFeatures(Tensor Low, Tensor Auxiliary, Tensor High);
