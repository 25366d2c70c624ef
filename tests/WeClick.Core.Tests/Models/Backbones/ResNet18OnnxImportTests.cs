using System.Globalization;
using WeClick.Engine;
using WeClick.Models.Backbones;
using WeClick.Models.Onnx;
using WeClick.Serialization;
using Xunit.Abstractions;
using static WeClick.Core.Tests.Models.Backbones.ResNet18OnnxInputs;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>
/// <see cref="ResNet18Onnx.Import"/> end to end: the file it writes loads as torchvision's ResNet-18, and with the input
/// convention folded in it gives, on our normalised RGB input, the features ONNX Runtime gives on the graph's input.
/// </summary>
public sealed class ResNet18OnnxImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("weclick-resnet18-onnx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [ResNet18OnnxFact]
    public void Import_WritesTorchvisionsResNet18_WhichImageNetWeightsLoads()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "weights", "resnet18_imagenet.safetensors");   // the folder is created
        var result = ResNet18Onnx.Import(ModelPath, path);

        Assert.Equal([2, 2, 2, 3], result.Blocks);
        Assert.Equal(120, result.Tensors);               // as torchvision's converted resnet18 (data-scripts/weights/README.md)
        Assert.Equal(11_176_512, result.Parameters);
        Assert.Equal(12, result.DroppedTensors);         // layer4.2: two convolutions, two BatchNorms of five tensors
        Assert.Equal("BGR", result.GraphChannels);
        using var backbone = ResNet.Create(18, 16);
        Assert.Empty(ImageNetWeights.Load(backbone, path));
        Assert.Contains(ResNet18OnnxPackage.Id, Safetensors.ReadHeader(path).Metadata["source"], StringComparison.Ordinal);

        // Everything but the two folded tensors is the graph's, bit for bit.
        var (graph, _, _, _) = Graph();
        foreach (var (name, actual) in backbone.state_dict())
        {
            if (name is "conv1.weight" or "bn1.running_mean")
            {
                Assert.False(graph[name].equal(actual).all().item<bool>(), $"{name} should have been folded");
                continue;
            }
            TensorAssert.Equal(graph[name], actual);
        }
    }

    [ResNet18OnnxFact]
    public void ImportedFile_OnNormalisedRgb_GivesOnnxRuntimesFeaturesOnTheGraphsInput()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "resnet18.safetensors");
        ResNet18Onnx.Import(ModelPath, path);
        var (graph, _, _, _) = Graph();
        using var file = Safetensors.Load(path, null);
        // The written file plus the dropped layer4.2 (which folding never touches) is the whole graph, folded.
        var state = file.Tensors.Concat(graph.Where(kv => kv.Key.StartsWith("layer4.2.", StringComparison.Ordinal))).ToDictionary();
        using var backbone = ResNet.CreateCntkResNet18();
        backbone.LoadStateDictStrict(state, "the folded CNTK resnet18");
        backbone.eval();
        var preprocessing = ResNet18OnnxPreprocessing.Read(PreprocessPath);
        var model = File.ReadAllBytes(ModelPath);

        var rgb = Image(seed: 5);
        Tensor ours;
        using (no_grad())
        {
            ours = backbone.call(Normalised(rgb)).High.mean([2, 3], keepdim: true);
        }
        // (a) The graph on BGR minus the channel means: the same function up to the border padding (StemInputFolding).
        var constantMean = OnnxRuntimeReference.Run(model, GraphInput(rgb, preprocessing)).Values.Single();
        // (b) The package's whole pipeline, preprocessing graph included: BGR minus the spatial mean image.
        var meanImage = OnnxRuntimeReference.Run(model, OnnxRuntimeReference.Run(File.ReadAllBytes(PreprocessPath), rgb).Values.Single()).Values.Single();

        var errorA = BackboneReference.RelativeError(constantMean, ours);
        var errorB = BackboneReference.RelativeError(meanImage, ours);
        var cosine = nn.functional.cosine_similarity(meanImage.flatten(), ours.flatten(), dim: 0).item<float>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"folded backbone on normalised RGB, max |Δ| / max |ONNX Runtime|: against the graph on BGR − channel means {errorA:E2}; " +
            $"against preprocessing + graph (mean image) {errorB:E2}, cosine {cosine:F5}"));
        // Measured: (a) 2.9e-4, from the border padding alone; (b) 1.6e-2 with cosine 0.99975, the spatial mean image's share.
        Assert.True(errorA < 1e-3, string.Create(CultureInfo.InvariantCulture, $"against the constant-mean graph input: {errorA:E2}"));
        Assert.True(errorB < 0.05 && cosine > 0.999, string.Create(CultureInfo.InvariantCulture, $"against the mean-image pipeline: {errorB:E2}, cosine {cosine:F5}"));
    }

    [ResNet18OnnxFact]
    public void Import_ThrowsForAGraphThatIsNotResNet18_NamingItAndWritingNothing()
    {
        var path = Path.Combine(folder, "out.safetensors");
        var e = Assert.Throws<OnnxFormatException>(() => ResNet18Onnx.Import(PreprocessPath, path));
        Assert.StartsWith($"'{PreprocessPath}': not the expected ResNet-18 graph", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [ResNet18OnnxFact]
    public void Import_ThrowsWithoutAPreprocessingGraph_SayingWhatToPass()
    {
        var lone = Path.Combine(folder, "ResNet18.onnx");
        File.CreateSymbolicLink(lone, ModelPath);   // the graph alone, outside the package layout
        var e = Assert.Throws<FileNotFoundException>(() => ResNet18Onnx.Import(lone, Path.Combine(folder, "out.safetensors")));
        Assert.Contains(lone, e.Message, StringComparison.Ordinal);
        Assert.Contains("--preprocess", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ThrowsForAFileThatIsNotOnnx_NamingIt()
    {
        var path = Path.Combine(folder, "ResNet18.onnx");
        File.WriteAllText(path, "<html>404 Not Found</html>");
        var e = Assert.Throws<OnnxFormatException>(() => ResNet18Onnx.Import(path, Path.Combine(folder, "out.safetensors")));
        Assert.StartsWith($"'{path}': ", e.Message, StringComparison.Ordinal);
    }
}
