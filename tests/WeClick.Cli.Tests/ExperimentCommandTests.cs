using System.Globalization;
using WeClick.Experiments;

namespace WeClick.Cli.Tests;

/// <summary>
/// Issue #14 from the terminal: <c>weclick experiments</c> lists every experiment; <c>weclick reproduce --experiment</c>
/// runs one as a sweep, and when its process is killed midway the same command continues where it stopped (finished runs
/// reused); its report is written; <c>weclick runs compare --experiment</c> and <c>runs sweeps</c> read it back.
/// </summary>
public sealed class ExperimentCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-cli-experiment-");

    public void Dispose() => folder.Delete(recursive: true);

    private string[] Tiny(string workspace) =>
    [
        "reproduce", "--experiment", "ablation-wf-sign",
        "--preset", "quick",
        "--workspace", workspace,
        "--set", $"data.root={Path.Combine(folder.FullName, "data")}",
        "--set", "data.synthetic.width=64", "--set", "data.synthetic.height=32", "--set", "data.synthetic.snippetLength=21",
        "--set", "data.synthetic.trainSnippets=4", "--set", "data.synthetic.valSnippets=2",
        "--set", "data.workers=0", "--set", "seeds=[0]", "--set", "threads=2",
        "--set", "teacher.name=deeplabv3plus-mobilenetv2", "--set", "teacher.widthMultiplier=0.5", "--set", "teacher.backboneWeights=null",
        "--set", "student.widthMultiplier=0.25",
        "--set", "teacherSchedule.epochs=1", "--set", "studentSchedule.epochs=3",
        "--set", "teacherSchedule.batchSize=2", "--set", "studentSchedule.batchSize=2",
        "--set", "teacherSchedule.cropHeight=32", "--set", "teacherSchedule.cropWidth=64",
        "--set", "studentSchedule.cropHeight=32", "--set", "studentSchedule.cropWidth=64",
        "--set", "evaluation.temporalFrames=0",
    ];

    [Fact]
    public void Experiments_ListsEveryName_WithWhatItVaries()
    {
        var result = CliRunner.Run("experiments");
        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (var experiment in PaperExperiments.All)
        {
            Assert.Contains(experiment.Name, result.Stdout);
        }
        var markdown = CliRunner.Run("experiments", "--markdown");
        Assert.Contains("| `table2` | MFD direction: forward, backward, bi-direction (n = 3, interval 1) |", markdown.Stdout);

        var unknown = CliRunner.Run("reproduce", "--experiment", "table9", "--workspace", Path.Combine(folder.FullName, "none"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown experiment 'table9'", unknown.Stderr);
        Assert.False(Directory.Exists(Path.Combine(folder.FullName, "none")));
    }

    [Fact]
    public void Reproduce_WithoutPlotlyJs_FailsBeforeAnyTraining_SayingHowToFixIt()
    {
        var workspace = Path.Combine(folder.FullName, "ws");
        var missing = Path.Combine(folder.FullName, "no-plotly", "plotly.min.js");

        var result = CliRunner.RunWith(CliRunner.CliDirectory, new Dictionary<string, string> { ["WECLICK_PLOTLYJS"] = missing }, Tiny(workspace));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("weclick reproduce writes its reports' figures with plotly.js, which is missing; nothing was trained.", result.Stderr);
        Assert.Contains($"WECLICK_PLOTLYJS names '{missing}', which does not exist", result.Stderr);
        Assert.False(File.Exists(new RunLayout(workspace).Store)); // no run was started, so no results store either
    }

    [Fact]
    public void ReproduceExperiment_KilledMidway_ContinuesWhereItStopped_AndItsRowsReadBack()
    {
        var workspace = Path.Combine(folder.FullName, "ws");
        // Kill once the teacher and the first student are trained, while the second student trains.
        CliRunner.KillAfter("sweep ablation-wf-sign: 2 of 3 trained", TimeSpan.Zero, TimeSpan.FromMinutes(4), Tiny(workspace));

        var resumed = CliRunner.Run(Tiny(workspace));
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("= 3 runs; 2 reused, 1 to train", resumed.Stderr);
        Assert.Contains("teacher weakly seed 0: finished before, reused", resumed.Stderr);
        Assert.Contains("student decreasing seed 0: finished before, reused", resumed.Stderr);
        Assert.Contains("1 runs trained, 2 reused", resumed.Stdout);
        Assert.Contains("decreasing", resumed.Stdout);
        Assert.Contains("literal", resumed.Stdout);

        var report = Path.Combine(workspace, "quick", "experiments", "ablation-wf-sign");
        var markdown = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.Contains("| decreasing |", markdown);
        Assert.Contains("| literal |", markdown);
        Assert.Contains("\"error_y\"", File.ReadAllText(Path.Combine(report, "index.html")));

        using (var store = ResultStore.OpenExisting(Path.Combine(workspace, ResultStore.FileName)))
        {
            var sweep = Assert.Single(store.Sweeps());
            Assert.Equal(("ablation-wf-sign", 3), (sweep.Name, sweep.Runs));
            // The killed run is closed as interrupted, its successor finished; no row is left running.
            Assert.DoesNotContain(store.Runs(), r => r.Status == RunStatus.Running);
        }

        var compare = CliRunner.Run("runs", "compare", "--experiment", "ablation-wf-sign", "--workspace", workspace);
        Assert.True(compare.ExitCode == 0, compare.Stderr);
        var rows = resumed.Stdout.Split('\n').Where(l => l.Contains("decreasing") || l.Contains("literal")).Select(l => l.Trim()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Contains(row[..Math.Min(row.Length, 40)].Split('│', StringSplitOptions.TrimEntries)[1], compare.Stdout));
        var sweeps = CliRunner.Run("runs", "sweeps", "--workspace", workspace);
        Assert.Contains("ablation-wf-sign", sweeps.Stdout);

        // The sweep as numbers: the report's rows.csv (mean and std per row) and every run, one line per seed.
        var rowsCsv = File.ReadAllLines(Path.Combine(report, "rows.csv"));
        Assert.StartsWith("row,role,variant,model,W_f,seeds,mIoU_mean,mIoU_std,mPA_mean,mPA_std,TC_mean,TC_std,IoU_", rowsCsv[0]);
        Assert.Equal(["teacher weakly", "decreasing", "literal"], rowsCsv.Skip(1).Select(l => l.Split(',')[0]));
        var runsCsv = Path.Combine(folder.FullName, "runs.csv");
        var export = CliRunner.Run("runs", "export", "--experiment", "ablation-wf-sign", "--workspace", workspace, "--out", runsCsv);
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Contains("wrote 3 runs of ablation-wf-sign (1 sweep)", export.Stdout);
        var lines = File.ReadAllLines(runsCsv);
        Assert.StartsWith("sweep,config,row,role,variant,seed,run,W_f,mIoU,mPA,TC,IoU_", lines[0]);
        var literal = lines.Single(l => l.Split(',')[2] == "literal").Split(',');
        Assert.Equal(["ablation-wf-sign", "quick", "literal", "student", "weakly+KD+MFD", "0"], literal[..6]);
        Assert.Equal("literal", literal[7]);
        // The exported mIoU is the row's: one seed, so the row's mean.
        var literalRow = rowsCsv.Single(l => l.StartsWith("literal,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(double.Parse(literalRow[6], CultureInfo.InvariantCulture), double.Parse(literal[8], CultureInfo.InvariantCulture), 12);
        var neither = CliRunner.Run("runs", "export", "--workspace", workspace, "--out", runsCsv);
        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("give one of --table TABLE|QUERY and --experiment NAME", neither.Stderr);
        var elsewhere = CliRunner.Run("runs", "export", "--experiment", "ablation-wf-sign", "--config", "camvid-cpu", "--workspace", workspace, "--out", runsCsv);
        Assert.Contains("has not run in this workspace on config 'camvid-cpu'", elsewhere.Stderr);

        var again = CliRunner.Run(Tiny(workspace));
        Assert.Contains("3 reused, 0 to train", again.Stderr);
    }
}
