using WeClick.Models.Backbones;
using WeClick.Serialization;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>data-scripts/weights/convert_torchvision.py in its offline mode (--random): its files load into the backbones.</summary>
public sealed class ConvertScriptTests
{
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
