namespace WeClick.Experiments;

/// <summary>A network of the catalogue (ModelCatalog) and how it starts.</summary>
public sealed record ModelConfig
{
    /// <summary>Catalogue name, e.g. <c>deeplabv3plus-resnet18</c> (<c>weclick models</c> lists them).</summary>
    public string Name { get; init; } = "deeplabv3plus-resnet18";

    /// <summary>Output stride; null = the head's default (16 for DeepLabV3+, 8 for PSPNet).</summary>
    public int? OutputStride { get; init; }

    /// <summary>MobileNetV2 width multiplier (1.0 = the paper's network).</summary>
    public double WidthMultiplier { get; init; } = 1.0;

    /// <summary>ImageNet backbone weights (safetensors from data-scripts/weights); null = random initialisation.</summary>
    public string? BackboneWeights { get; init; }
}
