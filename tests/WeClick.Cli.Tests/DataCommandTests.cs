namespace WeClick.Cli.Tests;

public sealed class DataCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-cli-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SynthThenCheckThenClicks_Succeeds_AndWritesEveryFile()
    {
        var root = Path.Combine(_folder, "synthetic");
        var synth = CliRunner.Run("data", "synth", "--out", root, "--train", "2", "--val", "1", "--width", "128", "--height", "64");
        Assert.True(synth.ExitCode == 0, synth.Stderr);
        Assert.Contains("3 snippets", synth.Stdout);
        Assert.Equal(90, Directory.GetFiles(Path.Combine(root, "leftImg8bit_sequence"), "*.png", SearchOption.AllDirectories).Length);

        var check = CliRunner.Run("data", "check", "--root", root);
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.Contains("OK", check.Stdout);

        var clicks = CliRunner.Run("clicks", "--root", root, "--split", "train", "--seed", "3");
        Assert.True(clicks.ExitCode == 0, clicks.Stderr);
        Assert.Contains("clicks per image", clicks.Stdout);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(root, "clicks", "train"), "*.clicks.json").Length);
    }

    [Fact]
    public void Check_FailsAndNamesAMissingFrame()
    {
        var root = Path.Combine(_folder, "broken");
        Assert.Equal(0, CliRunner.Run("data", "synth", "--out", root, "--train", "1", "--val", "1", "--width", "64", "--height", "32").ExitCode);
        var frame = Directory.GetFiles(Path.Combine(root, "leftImg8bit_sequence", "train"), "*_000005_leftImg8bit.png", SearchOption.AllDirectories).Single();
        File.Delete(frame);
        var check = CliRunner.Run("data", "check", "--root", root);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(Path.GetFileName(frame), check.Stdout);
    }

    [Fact]
    public void Clicks_WithAMissingRoot_IsAOneLineError()
    {
        var result = CliRunner.Run("clicks", "--root", Path.Combine(_folder, "nope"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"weclick: --root: the folder '{Path.Combine(_folder, "nope")}' does not exist.", result.Stderr.Trim());
    }

    [Fact]
    public void Clicks_WithAnUnknownDataset_ListsTheKnownOnes()
    {
        var result = CliRunner.Run("clicks", "--root", _folder, "--dataset", "kitti");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown dataset 'kitti'; known: cityscapes, camvid", result.Stderr);
    }

    [Fact]
    public void Synth_RejectsBadSettingsInOneLine()
    {
        var result = CliRunner.Run("data", "synth", "--out", Path.Combine(_folder, "x"), "--width", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("Width", result.Stderr);
    }

    [Fact]
    public void BenchData_RunsOnATinyFixture()
    {
        var result = CliRunner.Run("bench", "data", "--clips", "2", "--height", "32", "--width", "64", "--epochs", "1");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("clips/s", result.Stdout);
    }
}
