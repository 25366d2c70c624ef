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
        Assert.Equal(10, result.Stdout.Split('\n').Count(l => l.StartsWith("| `", StringComparison.Ordinal)));
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
