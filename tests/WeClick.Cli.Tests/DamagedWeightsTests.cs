using System.Text;

namespace WeClick.Cli.Tests;

/// <summary>
/// A damaged weights file (a copy cut short, a download that stopped) stops <c>eval</c> and <c>infer</c> with one line that
/// names the file and exit code 2 (a user error), not a stack trace (issue #12: CommandRunner maps
/// SafetensorsFormatException with the I/O errors).
/// </summary>
public sealed class DamagedWeightsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-cli-weights-");

    public void Dispose() => folder.Delete(recursive: true);

    // A safetensors file (8-byte little-endian header length, JSON header, data) whose data stops after 100 of the
    // 37,632 bytes its header promises, or (headerOnly) whose header itself is cut after 20 bytes.
    private string Truncated(string name, bool headerOnly)
    {
        var header = Encoding.UTF8.GetBytes("{\"backbone.conv1.weight\":{\"dtype\":\"F32\",\"shape\":[64,3,7,7],\"data_offsets\":[0,37632]}}");
        var bytes = BitConverter.GetBytes((ulong)header.Length).Concat(header).Concat(new byte[100]).ToArray();
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, headerOnly ? bytes[..20] : bytes);
        return path;
    }

    private static void AssertOneLineNaming(CliRunner.Result result, string path)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "one line expected:\n" + result.Stderr);
        Assert.StartsWith("weclick: ", lines[0]);
        Assert.Contains(Path.GetFileName(path), lines[0]);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    [Fact]
    public void Eval_WithTruncatedWeights_FailsInOneLineNamingTheFile()
    {
        var root = Path.Combine(folder.FullName, "data");
        var synth = CliRunner.Run("data", "synth", "--out", root, "--train", "1", "--val", "1", "--width", "64", "--height", "32");
        Assert.True(synth.ExitCode == 0, synth.Stderr);
        var weights = Truncated("cut.safetensors", headerOnly: false);

        var result = CliRunner.Run("eval", "--preset", "quick", "--workspace", Path.Combine(folder.FullName, "ws"), "--set", $"data.root={root}",
            "--set", "data.workers=0", "--weights", weights);

        AssertOneLineNaming(result, weights);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Infer_WithTruncatedWeights_FailsInOneLineNamingTheFile(bool headerOnly)
    {
        var weights = Truncated(headerOnly ? "cut-header.safetensors" : "cut-data.safetensors", headerOnly);
        var input = Directory.CreateDirectory(Path.Combine(folder.FullName, "images")).FullName;

        var result = CliRunner.Run("infer", "--preset", "quick", "--workspace", Path.Combine(folder.FullName, "ws"), "--weights", weights,
            "--input", input, "--out", Path.Combine(folder.FullName, "masks"));

        AssertOneLineNaming(result, weights);
    }
}
