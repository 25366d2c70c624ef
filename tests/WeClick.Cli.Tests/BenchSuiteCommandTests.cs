namespace WeClick.Cli.Tests;

/// <summary><c>weclick bench</c> without a subcommand: the suite, here cut down to one tiny part so that it stays fast.</summary>
public class BenchSuiteCommandTests
{
    [Fact]
    public void Bench_OnlyModels_PrintsOneRowPerModelAndSize_BesidePyTorch()
    {
        var result = CliRunner.Run("bench", "--only", "models", "--models", "pspnet-mobilenetv2", "--sizes", "32x64,64x64", "--rounds", "1", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(2, result.Stderr.Split('\n').Count(l => l.StartsWith("bench: pspnet-mobilenetv2 ", StringComparison.Ordinal)));
        Assert.Contains("inference pspnet-mobilenetv2, 1x3x32x64", result.Stdout);
        Assert.Contains("inference pspnet-mobilenetv2, 1x3x64x64", result.Stdout);
        Assert.Contains("libtorch threads 1 on both sides; medians of 1 rounds", result.Stdout);
    }

    [Fact]
    public void Bench_UnknownPart_FailsInOneLine()
    {
        var result = CliRunner.Run("bench", "--only", "everything");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("weclick: --only: unknown part 'everything'. Known: engine, student, train, models.", result.Stderr.Trim());
    }
}
