using TorchSharp;
using WeClick.Experiments;
using WeClick.Models.Backbones;
using WeClick.Serialization;
using WeClick.Testing;

namespace WeClick.Cli.Tests;

/// <summary>
/// <c>weclick weights import</c> as a user runs it: the file it writes is what the config key <c>backboneWeights</c> loads,
/// and a missing or damaged ONNX file stops it with one line that names the file and exit code 2.
/// </summary>
public sealed class WeightsCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-cli-import-");

    public void Dispose() => folder.Delete(recursive: true);

    [ResNet18OnnxFact]
    public void Import_WritesAFileThatBackboneWeightsLoads()
    {
        var path = Path.Combine(folder.FullName, "weights", "resnet18_imagenet.safetensors");
        var result = CliRunner.Run("weights", "import", "--out", path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"wrote {path}: 120 tensors, 11,176,512 parameters", result.Stdout);
        Assert.Contains("layer4.2 dropped", result.Stdout);
        Assert.Contains($"--set teacher.backboneWeights={path}", result.Stdout);
        // What `--set teacher.backboneWeights=<file>` does when a run builds its network.
        using var scope = torch.NewDisposeScope();
        var config = new ModelConfig { Name = "deeplabv3plus-resnet18", BackboneWeights = path };
        using var model = ExperimentModels.CreateModel(config, classes: 11);
        // …and what the run's log then says it starts from.
        Assert.Equal($"deeplabv3plus-resnet18 backbone initialised from '{path}' (NuGet {ResNet18OnnxPackage.Id} {ResNet18OnnxPackage.Version}: " +
                     "ResNet18.onnx (CNTK 2.6, ONNX opset 8), imported by WeClick.Models.Backbones.ResNet18Onnx)", ExperimentModels.DescribeBackboneWeights(config));
        using var file = Safetensors.Load(path, null);
        var state = model.Backbone.state_dict();
        Assert.Equal(file.Tensors.Count, state.Count);
        foreach (var (name, tensor) in file.Tensors)
        {
            Assert.True(tensor.equal(state[name]).all().item<bool>(), $"{name} was not loaded from {path}");
        }
    }

    [Fact]
    public void Import_WithAMissingOnnxFile_FailsInOneLineNamingIt()
    {
        var missing = Path.Combine(folder.FullName, "ResNet18.onnx");
        AssertOneLineNaming(CliRunner.Run("weights", "import", "--onnx", missing, "--out", Path.Combine(folder.FullName, "out.safetensors")), missing);
    }

    [Fact]
    public void Import_WithAFileThatIsNotOnnx_FailsInOneLineNamingIt()
    {
        var corrupt = Path.Combine(folder.FullName, "ResNet18.onnx");
        File.WriteAllText(corrupt, "<html>proxy error</html>");
        var output = Path.Combine(folder.FullName, "out.safetensors");
        AssertOneLineNaming(CliRunner.Run("weights", "import", "--onnx", corrupt, "--out", output), corrupt);
        Assert.False(File.Exists(output));
    }

    [ResNet18OnnxFact]
    public void Import_WithATruncatedCopyOfThePackagedGraph_FailsInOneLineNamingIt()
    {
        // A download cut short: the package's graph (61 MB) stopped after its first megabyte, beside its preprocessing graph.
        var model = ResNet18OnnxPackage.FindModel()!;
        var truncated = Path.Combine(folder.FullName, "ResNet18.onnx");
        using (var source = File.OpenRead(model))
        using (var target = File.Create(truncated))
        {
            var buffer = new byte[1 << 20];
            source.ReadExactly(buffer);
            target.Write(buffer);
        }
        var result = CliRunner.Run("weights", "import", "--onnx", truncated, "--preprocess", ResNet18OnnxPackage.FindPreprocessBeside(model)!,
            "--out", Path.Combine(folder.FullName, "out.safetensors"));
        AssertOneLineNaming(result, truncated);
        Assert.Contains("runs past the end", result.Stderr);
    }

    [Fact]
    public void WeightsHelp_NamesThePackageTheDefaultFileAndTheOtherBackbonesSource()
    {
        var import = CliRunner.Run("weights", "import", "--help");
        Assert.Equal(0, import.ExitCode);
        Assert.Contains(ResNet18OnnxPackage.Id, import.Stdout);
        Assert.Contains("data/weights/resnet18_imagenet.safetensors", import.Stdout);
        var weights = CliRunner.Run("weights", "--help");
        Assert.Contains("convert_torchvision.py", weights.Stdout);
    }

    private static void AssertOneLineNaming(CliRunner.Result result, string path)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "one line expected:\n" + result.Stderr);
        Assert.StartsWith("weclick: ", lines[0]);
        Assert.Contains(path, lines[0]);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
