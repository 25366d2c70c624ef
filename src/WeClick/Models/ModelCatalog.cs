using WeClick.Models.Backbones;
using WeClick.Models.Heads;

namespace WeClick.Models;

/// <summary>
/// The one place that maps model names to constructors (STYLE.md: a switch, not a string registry):
/// <c>deeplabv3plus-resnet18</c>, <c>pspnet-mobilenetv2</c>, ... An unknown name fails at once, listing the known ones.
/// </summary>
/// <remarks>
/// DeepLabV3+ defaults to output stride 16 and PSPNet to 8 (algorithms.md A10). The paper's parameter counts
/// (WeClick Tables 1, 4, 5; 19 classes) are in <see cref="PaperParameterCounts"/>; README.md's model table
/// compares them with ours.
/// </remarks>
public static class ModelCatalog
{
    /// <summary>Heads in the catalogue.</summary>
    public static readonly IReadOnlyList<string> Heads = ["deeplabv3plus", "pspnet"];

    /// <summary>Backbones in the catalogue.</summary>
    public static readonly IReadOnlyList<string> Backbones = ["resnet18", "resnet34", "resnet50", "resnet101", "mobilenetv2"];

    /// <summary>Every model name, head-backbone.</summary>
    public static IReadOnlyList<string> Names { get; } = Heads.SelectMany(h => Backbones.Select(b => $"{h}-{b}")).ToArray();

    /// <summary>The six configurations of the paper with its parameter counts in millions (19 classes, no auxiliary head).</summary>
    public static IReadOnlyDictionary<string, double> PaperParameterCounts { get; } = new Dictionary<string, double>
    {
        ["deeplabv3plus-resnet101"] = 59.34,
        ["deeplabv3plus-resnet18"] = 16.61,
        ["deeplabv3plus-mobilenetv2"] = 13.35,
        ["pspnet-resnet101"] = 69.31,
        ["pspnet-resnet18"] = 13.80,
        ["pspnet-mobilenetv2"] = 10.31,
    };

    /// <summary>
    /// Where each backbone's ImageNet weights come from. Only ResNet-18 installs from a package registry (NuGet, the CNTK
    /// network of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>, imported by <see cref="ResNet18Onnx"/>); the
    /// others come from torchvision through data-scripts/weights/convert_torchvision.py, which downloads them. Files follow
    /// the converter's names, so a config names the same file whichever way it was made.
    /// </summary>
    public static IReadOnlyList<BackboneWeightsSource> ImageNetWeightSources { get; } =
    [
        new("resnet18", ResNet18Onnx.DefaultOutput,
            "CNTK's, NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 (layer4.2 dropped); or torchvision's via the converter",
            "./weclick weights import", NeedsDownload: false),
        Torchvision("resnet34", "resnet34"),
        Torchvision("resnet50", "resnet50"),
        Torchvision("resnet101", "resnet101"),
        Torchvision("mobilenetv2", "mobilenet_v2"),
    ];

    /// <summary>Builds the named model (initialised as torchvision does; seed with <c>torch.manual_seed</c> first for reproducibility).</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones) or invalid options.</exception>
    public static Segmentor Create(string name, ModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        options ??= new ModelOptions();
        var parts = name.Trim().ToLowerInvariant().Split('-', 2);
        if (parts.Length != 2 || !Heads.Contains(parts[0]) || !Backbones.Contains(parts[1]))
        {
            throw new ArgumentException($"Unknown model '{name}'. Known models: {string.Join(", ", Names)}.", nameof(name));
        }
        var (head, backboneName) = (parts[0], parts[1]);
        var outputStride = options.OutputStride ?? (head == "deeplabv3plus" ? 16 : 8);
        if (backboneName != "mobilenetv2" && options.WidthMultiplier != 1.0)
        {
            throw new ArgumentException($"A width multiplier ({options.WidthMultiplier}) applies to mobilenetv2 only, not to {backboneName}.", nameof(options));
        }
        if (options.AuxiliaryHead && head != "pspnet")
        {
            throw new ArgumentException("The auxiliary head belongs to pspnet only.", nameof(options));
        }
        Backbone backbone = backboneName switch
        {
            "resnet18" => ResNet.Create(18, outputStride),
            "resnet34" => ResNet.Create(34, outputStride),
            "resnet50" => ResNet.Create(50, outputStride),
            "resnet101" => ResNet.Create(101, outputStride),
            _ => MobileNetV2.Create(outputStride, options.WidthMultiplier),
        };
        SegmentationHead decoder = head == "deeplabv3plus"
            ? DeepLabV3PlusHead.For(backbone, options.Classes)
            : PspHead.For(backbone, options.Classes, options.AuxiliaryHead);
        return new Segmentor($"{head}-{backboneName}", backbone, decoder);
    }

    private static BackboneWeightsSource Torchvision(string backbone, string torchvisionName) =>
        new(backbone, $"data/weights/{torchvisionName}_imagenet.safetensors", $"torchvision's {torchvisionName} IMAGENET1K_V1",
            $"python3 data-scripts/weights/convert_torchvision.py --output data/weights --models {torchvisionName}", NeedsDownload: true);
}
