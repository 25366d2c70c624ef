using WeClick.Engine;
using WeClick.Models.Backbones;
using WeClick.Serialization;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>Loading torchvision-named ImageNet weights: classifier entries skipped, everything else strict.</summary>
[Collection(BackboneReferenceCollection.Name)]
public sealed class ImageNetWeightsTests(BackboneReference reference)
{
    [Theory]
    [InlineData("resnet18", "fc.bias", "fc.weight")]
    [InlineData("mobilenet_v2", "classifier.1.bias", "classifier.1.weight")]
    public void Load_SkipsExactlyTheClassifier_AndCopiesEverythingElse(string arch, string bias, string weight)
    {
        using var scope = NewDisposeScope();
        using var backbone = BackboneReference.Create(arch, 16);
        var skipped = ImageNetWeights.Load(backbone, reference.Weights(arch));
        Assert.Equal([bias, weight], skipped.Order(StringComparer.Ordinal));
        using var file = Safetensors.Load(reference.Weights(arch), null);
        var state = backbone.state_dict();
        Assert.Equal(file.Tensors.Count - 2, state.Count);
        foreach (var (name, tensor) in state)
        {
            TensorAssert.Equal(file[name], tensor);   // BN running statistics and num_batches_tracked included
        }
    }

    [Fact]
    public void Load_ThrowsForAMissingTensor_NamingItAndTheFile()
    {
        var path = Rewrite("missing.safetensors", tensors => tensors.Remove("features.5.conv.1.0.weight"));
        var e = AssertRefused(path);
        Assert.Equal(["features.5.conv.1.0.weight"], e.MissingKeys);
        Assert.Empty(e.UnexpectedKeys);
        Assert.Empty(e.Mismatches);
    }

    [Fact]
    public void Load_ThrowsForAMisShapedTensor_NamingItAndTheFile()
    {
        var path = Rewrite("misshaped.safetensors", tensors => tensors["features.18.1.running_var"] = ones([1000]));
        var e = AssertRefused(path);
        Assert.Empty(e.MissingKeys);
        var mismatch = Assert.Single(e.Mismatches);
        Assert.Contains("features.18.1.running_var", mismatch, StringComparison.Ordinal);
        Assert.Contains("[1000]", mismatch, StringComparison.Ordinal);
        Assert.Contains("[1280]", mismatch, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThrowsForAnUnexpectedTensorOutsideTheClassifier()
    {
        // Only "fc." and "classifier." are skipped: a key that merely looks like them is reported.
        var path = Rewrite("unexpected.safetensors", tensors =>
        {
            tensors["features.19.0.weight"] = zeros([1]);
            tensors["fcx.weight"] = zeros([1]);
        });
        var e = AssertRefused(path);
        Assert.Equal(["fcx.weight", "features.19.0.weight"], e.UnexpectedKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_ThrowsForAResNetFileInAMobileNet()
    {
        using var backbone = MobileNetV2.Create(16);
        var e = Assert.Throws<StateDictException>(() => ImageNetWeights.Load(backbone, reference.Weights("resnet18")));
        Assert.Contains("features.0.0.weight", e.MissingKeys);
        Assert.Contains("conv1.weight", e.UnexpectedKeys);
        Assert.DoesNotContain("fc.weight", e.UnexpectedKeys);
    }

    [Fact]
    public void Load_ThrowsForAMissingFile()
    {
        using var backbone = MobileNetV2.Create(16);
        Assert.Throws<FileNotFoundException>(() => ImageNetWeights.Load(backbone, Path.Combine(reference.Folder, "none.safetensors")));
    }

    // A refused file changes nothing, and the message names the file and the offending key.
    private StateDictException AssertRefused(string path)
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        using var backbone = MobileNetV2.Create(16);
        var before = backbone.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());
        var e = Assert.Throws<StateDictException>(() => ImageNetWeights.Load(backbone, path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("mobilenet_v2", e.Message, StringComparison.Ordinal);
        foreach (var (name, tensor) in backbone.state_dict())
        {
            TensorAssert.Equal(before[name], tensor);
        }
        return e;
    }

    private string Rewrite(string name, Action<Dictionary<string, Tensor>> change)
    {
        using var scope = NewDisposeScope();
        using var file = Safetensors.Load(reference.Weights("mobilenet_v2"), null);
        var tensors = new Dictionary<string, Tensor>(file.Tensors);
        change(tensors);
        var path = Path.Combine(reference.Folder, name);
        Safetensors.Save(tensors, path, null);
        return path;
    }
}
