using System.Globalization;
using System.Text.Json;
using WeClick.Models;
using WeClick.Models.Backbones;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>
/// Runs Reference/backbones.py once per test class: torchvision's seeded models (weights as safetensors files
/// with torchvision's names, fc / classifier included), their features on one input, and meta.json (state-dict
/// keys, parameter counts, seeds). The folder lives until the fixture is disposed.
/// </summary>
public sealed class BackboneReference : IDisposable
{
    private readonly string _folder;
    private readonly Dictionary<string, Tensor> _tensors;
    private readonly JsonDocument _meta;

    /// <summary>Runs the script.</summary>
    public BackboneReference()
    {
        _folder = Directory.CreateTempSubdirectory("weclick-backbones-").FullName;
        PyTorchReference.Run("backbones.py", _folder);
        _tensors = ReferenceData.Load(_folder);
        _meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "meta.json")));
    }

    /// <summary>A saved tensor (do not modify).</summary>
    public Tensor this[string name] =>
        _tensors.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"backbones.py saved no tensor '{name}'.");

    /// <summary>The torchvision-named weights file of <paramref name="arch"/> (resnet18, resnet50, mobilenet_v2).</summary>
    public string Weights(string arch) => Path.Combine(_folder, arch + ".safetensors");

    /// <summary>The folder (for files a test writes; deleted with the fixture).</summary>
    public string Folder => _folder;

    /// <summary>The seed python used before building <paramref name="arch"/>.</summary>
    public long Seed(string arch) => _meta.RootElement.GetProperty("seeds").GetProperty(arch).GetInt64();

    /// <summary>torchvision's state-dict keys of <paramref name="arch"/>, in order, without fc / classifier.</summary>
    public IReadOnlyList<string> Keys(string arch) =>
        Architecture(arch).GetProperty("keys").EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>torchvision's parameter count of <paramref name="arch"/> without fc / classifier.</summary>
    public long Parameters(string arch) => Architecture(arch).GetProperty("parameters").GetInt64();

    /// <summary>torchvision's MobileNetV2 parameter count (no classifier) for a width multiplier.</summary>
    public long MobileNetParameters(double width) =>
        _meta.RootElement.GetProperty("mobilenet_v2_width_parameters").GetProperty(width.ToString(CultureInfo.InvariantCulture)).GetInt64();

    /// <summary>A fresh backbone of <paramref name="arch"/> (resnet18/34/50/101, mobilenet_v2).</summary>
    public static Backbone Create(string arch, int outputStride) => arch switch
    {
        "mobilenet_v2" => MobileNetV2.Create(outputStride),
        _ when arch.StartsWith("resnet", StringComparison.Ordinal) => ResNet.Create(int.Parse(arch[6..], CultureInfo.InvariantCulture), outputStride),
        _ => throw new ArgumentException($"unknown architecture {arch}", nameof(arch)),
    };

    /// <summary>max |actual − expected| / max |expected| (the normwise relative error the parity tests bound).</summary>
    public static double RelativeError(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var scope = NewDisposeScope();
        var difference = actual.sub(expected).abs().max().item<float>();
        var scale = expected.abs().max().item<float>();
        return difference / Math.Max(scale, 1e-30);
    }

    /// <summary>Deletes the folder and the tensors.</summary>
    public void Dispose()
    {
        foreach (var t in _tensors.Values)
        {
            t.Dispose();
        }
        _meta.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private JsonElement Architecture(string arch) => _meta.RootElement.GetProperty("architectures").GetProperty(arch);
}
