using System.Globalization;

namespace WeClick.Cli.Tests;

public class BenchLossesCommandTests
{
    [Fact]
    public void BenchLosses_TinyRun_PrintsEveryRowWithPositiveTimes()
    {
        var result = CliRunner.Run("bench", "losses", "--height", "32", "--width", "64", "--frames", "2", "--teacher", "deeplabv3plus-mobilenetv2",
            "--repetitions", "1", "--threads", "1");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(7, result.Stderr.Split('\n').Count(l => l.StartsWith("bench: ", StringComparison.Ordinal))); // inputs + 6 rows
        foreach (var name in new[] { "pCE only", "weakly+KD+MFD", "loss only: pCE + 0.1 GCRF" })
        {
            Assert.Contains(name, result.Stderr);
        }
        // Progress lines "bench: NAME: C# X ms, PyTorch Y ms": both times positive.
        foreach (var line in result.Stderr.Split('\n').Where(l => l.Contains(": C# ", StringComparison.Ordinal)))
        {
            var times = line[(line.LastIndexOf(": C# ", StringComparison.Ordinal) + 5)..].Replace("PyTorch ", "", StringComparison.Ordinal)
                .Split(',').Select(t => double.Parse(t.Trim().Split(' ')[0], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(2, times.Length);
            Assert.True(times.All(t => t > 0), line);
        }
        Assert.Contains("PyTorch: python", result.Stdout);
        Assert.Contains("flows precomputed (DIS medium", result.Stdout);
    }
}
