using Microsoft.Data.Sqlite;
using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Core.Tests.Experiments;

public sealed class ResultStoreTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-store-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Runs_RoundTripMetricsClassIoUAndTimings()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        var run = store.StartRun("quick", TrainingRole.Student, "weakly+KD", 1, ExperimentPresets.Quick, "ckpt/a.safetensors");
        store.LogEpoch(run, 1, 6, new Dictionary<string, double> { ["loss"] = 1.5, ["mIoU"] = 0.25 });
        store.LogEpoch(run, 2, 12, new Dictionary<string, double> { ["loss"] = 0.75 });
        store.LogTiming(run, "train", 12.5);
        store.FinishRun(run, new Dictionary<string, double> { ["mIoU"] = 0.6, ["mPA"] = 0.7 }, [new ClassIoU(0, "road", 0.9), new ClassIoU(1, "sky", null)]);

        var record = Assert.Single(store.Runs());
        Assert.Equal((run, "quick", TrainingRole.Student, "weakly+KD", 1, RunStatus.Finished, "ckpt/a.safetensors"),
            (record.Id, record.Experiment, record.Role, record.Variant, record.Seed, record.Status, record.Checkpoint));
        Assert.Equal(ConfigFile.ToJson(ExperimentPresets.Quick), ConfigFile.ToJson(ConfigFile.FromJson(record.ConfigJson)));
        Assert.NotNull(record.Ended);
        Assert.Equal([new EpochMetric(1, 6, "loss", 1.5), new EpochMetric(1, 6, "mIoU", 0.25), new EpochMetric(2, 12, "loss", 0.75)], store.EpochMetrics(run));
        Assert.Equal(new Dictionary<string, double> { ["mIoU"] = 0.6, ["mPA"] = 0.7 }, store.FinalMetrics(run));
        Assert.Equal([new ClassIoU(0, "road", 0.9), new ClassIoU(1, "sky", null)], store.PerClassIoU(run));
        Assert.Equal([("train", 12.5)], store.Timings(run));
        Assert.Throws<ArgumentException>(() => store.LogEpoch(run + 1, 1, 1, new Dictionary<string, double> { ["x"] = 1 }));
    }

    [Fact]
    public void Summaries_GroupFinishedRunsOverSeeds_WithSampleStd()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        foreach (var (seed, miou) in new[] { (0, 0.60), (1, 0.62), (2, 0.64) })
        {
            var run = store.StartRun("quick", TrainingRole.Student, "weakly+KD+MFD", seed, ExperimentPresets.Quick);
            store.FinishRun(run, new Dictionary<string, double> { ["mIoU"] = miou });
        }
        var teacher = store.StartRun("quick", TrainingRole.Teacher, "weakly", 0, ExperimentPresets.Quick);
        store.FinishRun(teacher, new Dictionary<string, double> { ["mIoU"] = 0.7 });
        store.FailRun(store.StartRun("quick", TrainingRole.Teacher, "weakly", 1, ExperimentPresets.Quick), "out of memory");
        store.StartRun("other", TrainingRole.Teacher, "weakly", 0, ExperimentPresets.Quick);

        var summaries = store.Summaries("quick");
        Assert.Equal(2, summaries.Count);
        Assert.Equal((TrainingRole.Student, "weakly+KD+MFD"), (summaries[0].Role, summaries[0].Variant));
        Assert.Equal([0, 1, 2], summaries[0].Seeds);
        var student = summaries[0].Metrics["mIoU"];
        Assert.Equal(0.62, student.Mean, 12);
        Assert.Equal(0.02, student.Std, 12); // sqrt((0.02² + 0 + 0.02²) / 2)
        Assert.Equal("62.0 ± 2.0", student.Format(1, 100));
        Assert.Equal(new SeedSummary(0.7, 0, 1), summaries[1].Metrics["mIoU"]);
        Assert.Equal("out of memory", store.Runs(new RunFilter(Status: RunStatus.Failed)).Single().Message);
        Assert.Equal(["other", "quick"], store.Experiments());
    }

    [Fact]
    public void Summaries_KeepTwoConfigsOfOneRowApart_AndTheSeedsOfOneConfigTogether()
    {
        // Teachers record their identity, which lists their own seed: seeds 0 and 1 of one setting are one group; the same
        // row without the Gated CRF (λ = 0) in the same workspace is another, never averaged in.
        using var store = ResultStore.ForWorkspace(folder.FullName);
        var withCrf = ExperimentPresets.Quick;
        var withoutCrf = withCrf with { Loss = withCrf.Loss with { Lambda = 0 } };
        foreach (var (config, seed, miou) in new[] { (withCrf, 0, 0.40), (withoutCrf, 0, 0.30), (withCrf, 1, 0.42) })
        {
            var run = store.StartRun("quick", TrainingRole.Teacher, "weakly", seed, RunIdentity.Of(config, TrainingRole.Teacher, seed));
            store.FinishRun(run, new Dictionary<string, double> { ["mIoU"] = miou });
        }

        var summaries = store.Summaries("quick");
        Assert.Equal(2, summaries.Count);
        Assert.Equal([0, 1], summaries[0].Seeds);
        Assert.Equal(0.41, summaries[0].Metrics["mIoU"].Mean, 12);
        Assert.Equal([0], summaries[1].Seeds);
        Assert.Equal(0.30, summaries[1].Metrics["mIoU"].Mean, 12);
        Assert.NotEqual(summaries[0].Config, summaries[1].Config);
        Assert.Matches("^[0-9a-f]{8}$", summaries[0].Config);
        Assert.Equal(summaries[0].Config, ResultStore.ConfigKey(RunIdentity.Json(withCrf, TrainingRole.Teacher, 5)));
    }

    [Fact]
    public async Task TwoWritersAtOnce_AllRowsLand()
    {
        var path = Path.Combine(folder.FullName, ResultStore.FileName);
        const int rows = 300;
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            using var store = ResultStore.Open(path);
            var run = store.StartRun("race", TrainingRole.Student, "weakly", w, ExperimentPresets.Quick);
            for (var i = 0; i < rows; i++)
            {
                store.LogEpoch(run, i, i, new Dictionary<string, double> { ["loss"] = i });
            }
            store.FinishRun(run, new Dictionary<string, double> { ["mIoU"] = w });
        })).ToArray();
        await Task.WhenAll(writers);
        using var check = ResultStore.Open(path);
        var runs = check.Runs();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(rows, check.EpochMetrics(r.Id).Count));
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Status));
    }

    [Fact]
    public void AnotherProcessWritingAtOnce_AllRowsLand()
    {
        // A second process (Python's sqlite3, as a notebook would) inserts rows one transaction each while this one does.
        var path = Path.Combine(folder.FullName, ResultStore.FileName);
        const int rows = 400;
        using var store = ResultStore.Open(path);
        var mine = store.StartRun("race", TrainingRole.Student, "weakly", 0, ExperimentPresets.Quick);
        var theirs = store.StartRun("race", TrainingRole.Student, "weakly", 1, ExperimentPresets.Quick);
        var script = $"""
            import sqlite3
            db = sqlite3.connect({System.Text.Json.JsonSerializer.Serialize(path)}, timeout=60, isolation_level=None)
            for i in range({rows}):
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT INTO epoch_metrics (run, epoch, step, name, value) VALUES (?, ?, ?, 'loss', ?)", ({theirs}, i, i, float(i)))
                db.execute("COMMIT")
            """;
        var start = new System.Diagnostics.ProcessStartInfo("python3", ["-c", script]) { RedirectStandardError = true };
        using var python = System.Diagnostics.Process.Start(start)!;
        for (var i = 0; i < rows; i++)
        {
            store.LogEpoch(mine, i, i, new Dictionary<string, double> { ["loss"] = i });
        }
        var errors = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, errors);
        Assert.Equal(rows, store.EpochMetrics(mine).Count);
        Assert.Equal(Enumerable.Range(0, rows).Select(i => (double)i), store.EpochMetrics(theirs).Select(m => m.Value));
    }

    [Fact]
    public void ExportCsv_QuotesFieldsAndRefusesWrites()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        var run = store.StartRun("q,\"x\"", TrainingRole.Teacher, "weakly", 0, ExperimentPresets.Quick);
        store.FinishRun(run, new Dictionary<string, double> { ["mIoU"] = 0.5 }, [new ClassIoU(3, "traffic\nlight", 0.25)]);
        var csv = Path.Combine(folder.FullName, "out", "class_iou.csv");
        Assert.Equal(1, store.ExportCsv("class_iou", csv));
        Assert.Equal($"run,class_index,class_name,iou\r\n{run},3,\"traffic\nlight\",0.25\r\n", File.ReadAllText(csv));
        Assert.Equal(1, store.ExportCsv("SELECT experiment, variant FROM runs", csv));
        Assert.Equal("experiment,variant\r\n\"q,\"\"x\"\"\",weakly\r\n", File.ReadAllText(csv));
        Assert.Throws<ArgumentException>(() => store.ExportCsv("runz", csv));
        Assert.Contains("query failed", Assert.Throws<ArgumentException>(() => store.ExportCsv("WITH x AS (SELECT 1) DELETE FROM runs", csv)).Message);
        Assert.Single(store.Runs());
    }

    [Fact]
    public void Open_RefusesANewerSchema()
    {
        var path = Path.Combine(folder.FullName, ResultStore.FileName);
        ResultStore.Open(path).Dispose();
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "PRAGMA user_version = 9;";
            command.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidOperationException>(() => ResultStore.Open(path));
        Assert.Contains($"schema version 9 is newer than this weclick's ({ResultStore.SchemaVersion})", e.Message);
        Assert.Throws<FileNotFoundException>(() => ResultStore.OpenExisting(Path.Combine(folder.FullName, "none.sqlite")));
    }

    [Theory]
    [InlineData(new[] { 0.5 }, 0.5, 0.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 2.5, 1.2909944487358056)]
    public void SeedSummary_MeanAndSampleStd(double[] values, double mean, double std)
    {
        var summary = SeedSummary.Of(values);
        Assert.Equal(mean, summary.Mean, 12);
        Assert.Equal(std, summary.Std, 12);
        Assert.Equal(values.Length, summary.Count);
        Assert.Equal("61.2 ± 0.4", new SeedSummary(0.6123, 0.0041, 3).Format(1, 100));
    }
}
