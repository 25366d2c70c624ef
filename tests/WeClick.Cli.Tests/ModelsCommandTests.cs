namespace WeClick.Cli.Tests;

public class ModelsCommandTests
{
    [Fact]
    public void Models_ListsTheCatalogueWithTheCountsReadmeStates()
    {
        var result = CliRunner.Run("models", "--markdown");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("| `deeplabv3plus-resnet18` | 16,607,667 | 16.61 | 16.61 | 0.00 |", result.Stdout);
        Assert.Contains("| `pspnet-resnet101` | 56,141,139 | 56.14 | 69.31 | -13.17 |", result.Stdout);
        Assert.Equal(10, result.Stdout.Split('\n').Count(l => l.StartsWith("| `deeplabv3plus-", StringComparison.Ordinal) || l.StartsWith("| `pspnet-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Models_SaysWhereEachBackbonesImageNetWeightsComeFrom()
    {
        var result = CliRunner.Run("models", "--markdown");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var rows = result.Stdout.Split('\n').Where(l => l.Contains("_imagenet.safetensors`", StringComparison.Ordinal)).ToList();
        Assert.Equal(["resnet18", "resnet34", "resnet50", "resnet101", "mobilenetv2"], rows.Select(r => r.Split('|')[1].Trim()));
        Assert.Contains("`./weclick weights import`", rows[0]);
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", rows[0]);
        Assert.All(rows.Skip(1), r => Assert.Contains("convert_torchvision.py", r));
        Assert.All(rows.Skip(1), r => Assert.Contains("needs internet access", r));
    }

    [Fact]
    public void BenchModels_RejectsAnUnknownModelInOneLine()
    {
        var result = CliRunner.Run("bench", "models", "--models", "unet-resnet18");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown model 'unet-resnet18'", result.Stderr);
    }

    [Fact]
    public void BenchModels_RejectsAMalformedSize()
    {
        var result = CliRunner.Run("bench", "models", "--sizes", "512by1024");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'512by1024' is not HEIGHTxWIDTH", result.Stderr);
    }
}
