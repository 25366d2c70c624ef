using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Cli.Tests;

public sealed class ConfigAndRunsCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-cli-runs-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void PrintConfig_ShowsOverriddenValues()
    {
        var output = Path.Combine(folder.FullName, "effective.json");
        var result = CliRunner.Run("print-config", "--preset", "quick", "--set", "loss.beta=0", "--set", "seeds=[3,4]", "--set", "clip.direction=backward", "--out", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(result.Stdout.TrimEnd(), File.ReadAllText(output).TrimEnd());
        var config = ConfigFile.FromJson(result.Stdout, "stdout");
        Assert.Equal(0.0, config.Loss.Beta);
        Assert.Equal([3, 4], config.Seeds);
        Assert.Equal("quick", config.Name);
        Assert.Contains("\"direction\": \"backward\"", result.Stdout);
    }

    [Fact]
    public void PrintConfig_WithoutAPreset_ShowsWhatTheOtherCommandsRunWith_TheQuickPreset()
    {
        var plain = CliRunner.Run("print-config");
        var quick = CliRunner.Run("print-config", "--preset", "quick");
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.Equal(quick.Stdout, plain.Stdout);
        Assert.Equal(ConfigFile.ToJson(ExperimentPresets.Quick), plain.Stdout.TrimEnd());
    }

    [Theory]
    [InlineData("weclick: --set loss.betta=0: unknown key 'loss.betta' (known keys in 'loss': alpha, beta, gamma, lambda, gatedCrf, distillation, memoryFlow, kdFrames, supervision).", "--preset", "quick", "--set", "loss.betta=0")]
    [InlineData("weclick: student.name: unknown model 'unet-resnet18' (known: deeplabv3plus-resnet18,", "--preset", "quick", "--set", "student.name=unet-resnet18")]
    [InlineData("weclick: data.root: 'no/such/camvid' does not exist (dataset 'camvid' is read from it).", "--preset", "camvid-quick", "--set", "data.root=no/such/camvid")]
    [InlineData("weclick: --preset: unknown preset 'nope' (known: quick, camvid-quick, camvid-cpu, camvid, cityscapes).", "--preset", "nope")]
    [InlineData("weclick: --set clip.direction=bi: key 'clip.direction' expects one of forward, backward, biDirection, got 'bi'.", "--set", "clip.direction=bi")]
    public void PrintConfig_ReportsABadConfigInOneLine_AndWritesNothing(string message, params string[] arguments)
    {
        var output = Path.Combine(folder.FullName, "effective.json");
        var result = CliRunner.Run(["print-config", .. arguments, "--out", output]);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(folder.GetFileSystemInfos());
        Assert.StartsWith(message, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void PrintConfig_NamesTheUnknownKeyOfAConfigFile()
    {
        var path = Path.Combine(folder.FullName, "a.json");
        File.WriteAllText(path, """{ "loss": { "betta": 0 } }""");
        var result = CliRunner.Run("print-config", "--config", path);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"weclick: {path}: unknown key 'loss.betta' (known keys in 'loss': alpha, beta,", result.Stderr);
    }

    [Fact]
    public void Runs_ListCompareAndExportAStoreFilledHere()
    {
        var workspace = Path.Combine(folder.FullName, "ws");
        using (var store = ResultStore.ForWorkspace(workspace))
        {
            foreach (var (seed, miou) in new[] { (0, 0.600), (1, 0.620), (2, 0.640) })
            {
                var run = store.StartRun("quick", TrainingRole.Student, "weakly+KD+MFD", seed, ExperimentPresets.Quick, $"ckpt/s{seed}.safetensors");
                store.FinishRun(run, new Dictionary<string, double> { ["mIoU"] = miou });
            }
            var teacher = store.StartRun("quick", TrainingRole.Teacher, "weakly", 0, ExperimentPresets.Quick);
            store.FinishRun(teacher, new Dictionary<string, double> { ["mIoU"] = 0.7123 });
        }

        var list = CliRunner.Run("runs", "list", "--workspace", workspace);
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains("weakly+KD+MFD", list.Stdout);
        Assert.Contains("0.7123", list.Stdout);
        Assert.Contains("ckpt/s2.safetensors", list.Stdout);

        var compare = CliRunner.Run("runs", "compare", "--workspace", workspace, "--percent");
        Assert.True(compare.ExitCode == 0, compare.Stderr);
        Assert.Contains("62.0 ± 2.0", compare.Stdout);
        Assert.Contains("71.2 ± 0.0", compare.Stdout);
        Assert.Contains("0,1,2", compare.Stdout);
        Assert.DoesNotContain("config", compare.Stdout);

        // The same teacher row with another setting (no Gated CRF) in the same store: its own row, named by its config key.
        var withoutCrf = ExperimentPresets.Quick with { Loss = ExperimentPresets.Quick.Loss with { Lambda = 0 } };
        using (var store = ResultStore.ForWorkspace(workspace))
        {
            store.FinishRun(store.StartRun("quick", TrainingRole.Teacher, "weakly", 0, withoutCrf), new Dictionary<string, double> { ["mIoU"] = 0.5 });
        }
        var split = CliRunner.Run("runs", "compare", "--workspace", workspace, "--percent");
        Assert.True(split.ExitCode == 0, split.Stderr);
        Assert.Contains("config", split.Stdout);
        Assert.Contains("71.2 ± 0.0", split.Stdout);
        Assert.Contains("50.0 ± 0.0", split.Stdout);
        Assert.Contains(ResultStore.ConfigKey(ConfigFile.ToJson(withoutCrf)), split.Stdout);

        var csv = Path.Combine(folder.FullName, "final.csv");
        var export = CliRunner.Run("runs", "export", "--workspace", workspace, "--table", "final_metrics", "--out", csv);
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Equal("run,name,value\r\n1,mIoU,0.6\r\n2,mIoU,0.62\r\n3,mIoU,0.64\r\n4,mIoU,0.7123\r\n5,mIoU,0.5\r\n", File.ReadAllText(csv));

        var missing = CliRunner.Run("runs", "list", "--workspace", Path.Combine(folder.FullName, "none"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no results store", missing.Stderr);
        Assert.False(Directory.Exists(Path.Combine(folder.FullName, "none")));
    }
}
