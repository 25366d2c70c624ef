using WeClick.Experiments;
using WeClick.Models.Backbones;
using WeClick.Serialization;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>data-scripts/weights/convert_torchvision.py in its offline mode (--random): its files load into the backbones.</summary>
public sealed class ConvertScriptTests
{
    [Theory]
    [InlineData("camvid")]
    [InlineData("cityscapes")]
    public void PaperPresets_NameTheFilesTheConverterWrites_AndValidateOnceTheyExist(string preset)
    {
        var config = ExperimentPresets.Get(preset);
        // The converter's own answer (--print-paths: the paths it would write, no download) for data/weights.
        var written = PyTorchReference.Run(Script, "--output", "data/weights", "--models", "resnet101", "resnet18", "--print-paths")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["data/weights/resnet101_imagenet.safetensors", "data/weights/resnet18_imagenet.safetensors"], written);
        Assert.Equal(written[0], config.Teacher.BackboneWeights);
        Assert.Equal(written[1], config.Student.BackboneWeights);

        // With those files and the data folder in place, the preset passes validation.
        var root = Directory.CreateTempSubdirectory("weclick-preset-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, config.Data.Root));
            foreach (var file in written)
            {
                Directory.CreateDirectory(Path.Combine(root, Path.GetDirectoryName(file)!));
                File.WriteAllBytes(Path.Combine(root, file), []);
            }
            Assert.Empty(ConfigFile.Validate(config, root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void RandomConversion_LoadsAndEqualsTheSameSeedsBackbone()
    {
        var output = Directory.CreateTempSubdirectory("weclick-weights-").FullName;
        try
        {
            PyTorchReference.Run(Script, "--random", "--seed", "21", "--models", "resnet18", "mobilenet_v2", "--output", output);
            using var scope = NewDisposeScope();
            foreach (var (arch, backbone) in new (string, WeClick.Models.Backbone)[] { ("resnet18", ResNet.Create(18, 8)), ("mobilenet_v2", MobileNetV2.Create(8)) })
            {
                var path = Path.Combine(output, arch + "_random.safetensors");
                var header = Safetensors.ReadHeader(path);
                Assert.Equal("random", header.Metadata["weights"]);
                Assert.Contains("torch.manual_seed(21)", header.Metadata["source"], StringComparison.Ordinal);
                Assert.Empty(ImageNetWeights.Load(backbone, path));   // the classifier was dropped

                manual_seed(21);
                using var seeded = BackboneReference.Create(arch, 16);
                var (loaded, expected) = (backbone.state_dict(), seeded.state_dict());
                Assert.All(expected.Keys, k => TensorAssert.Equal(expected[k], loaded[k]));
                backbone.Dispose();
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static string Script
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WeClick.Research.sln")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("no WeClick.Research.sln above the test assembly"),
                "data-scripts", "weights", "convert_torchvision.py");
        }
    }
}
