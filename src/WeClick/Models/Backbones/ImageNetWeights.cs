using TorchSharp;
using WeClick.Engine;
using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// ImageNet initialisation of a <see cref="Backbone"/> from a safetensors file with torchvision's state-dict
/// names, as <c>data-scripts/weights/convert_torchvision.py</c> writes them (<c>resnet18_imagenet.safetensors</c>, ...).
/// </summary>
public static class ImageNetWeights
{
    /// <summary>The name prefixes of torchvision's classifiers, which a backbone does not have: <c>fc.</c> (ResNet), <c>classifier.</c> (MobileNetV2).</summary>
    public static IReadOnlyList<string> ClassifierPrefixes { get; } = ["fc.", "classifier."];

    /// <summary>
    /// Copies every parameter and buffer (BN running statistics and <c>num_batches_tracked</c> included) of
    /// <paramref name="backbone"/> from <paramref name="path"/>. Entries under <see cref="ClassifierPrefixes"/>
    /// are skipped; every other name must match exactly, with the same shape and dtype, or nothing is copied.
    /// </summary>
    /// <returns>The names of the skipped classifier entries (e.g. <c>fc.weight</c>, <c>fc.bias</c>), in file order.</returns>
    /// <exception cref="StateDictException">The file does not fit the backbone: the message names the file and every
    /// missing, unexpected, mis-shaped or mis-typed tensor.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="SafetensorsFormatException">The file is not valid safetensors.</exception>
    public static IReadOnlyList<string> Load(Backbone backbone, string path)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var scope = NewDisposeScope();
        // Read on the CPU; the strict load copies into the backbone's parameters on whatever device they live.
        using var file = Safetensors.Load(path, null);
        var skipped = new List<string>();
        var kept = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in file.Tensors)
        {
            if (ClassifierPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                skipped.Add(name);
            }
            else
            {
                kept[name] = tensor;
            }
        }
        backbone.LoadStateDictStrict(kept, $"{backbone.GetName()} from ImageNet weights '{path}'");
        return skipped;
    }
}
