using Microsoft.Data.Analysis;
using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Core.Tests.Experiments;

/// <summary>The results store read out as DataFrames (issue #15), against stores written with the store's own write calls.</summary>
public sealed class ResultFramesTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-frames-");

    public void Dispose() => folder.Delete(recursive: true);

    internal static object?[] Values(DataFrame frame, string column) =>
        Enumerable.Range(0, (int)frame.Rows.Count).Select(i => frame[column][i]).ToArray();

    private static void Near(double expected, object? actual) => Assert.Equal(expected, Assert.IsType<double>(actual), 12);

    // Students seeds 0–2 (mIoU 0.60, 0.62, 0.64), a teacher with mIoU and mPA, a failed teacher, a running student.
    private static (long[] Students, long Teacher, long Failed, long Running) Fill(ResultStore store)
    {
        var students = new[] { (0, 0.60), (1, 0.62), (2, 0.64) }.Select(p =>
        {
            var run = store.StartRun("quick", TrainingRole.Student, "weakly+KD", p.Item1, ExperimentPresets.Quick, $"ckpt/s{p.Item1}.safetensors");
            store.FinishRun(run, new Dictionary<string, double> { ["mIoU"] = p.Item2 });
            return run;
        }).ToArray();
        var teacher = store.StartRun("quick", TrainingRole.Teacher, "weakly", 0, ExperimentPresets.Quick);
        store.FinishRun(teacher, new Dictionary<string, double> { ["mIoU"] = 0.7, ["mPA"] = 0.8 });
        var failed = store.StartRun("quick", TrainingRole.Teacher, "weakly", 1, ExperimentPresets.Quick);
        store.FailRun(failed, "out of <memory>");
        var running = store.StartRun("other", TrainingRole.Student, "weakly", 0, ExperimentPresets.Quick);
        return (students, teacher, failed, running);
    }

    [Fact]
    public void Runs_GiveOneTypedRowPerRun_WithEachFinalMetricAsAColumn()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        var before = DateTime.UtcNow.AddSeconds(-1);
        var (students, teacher, failed, running) = Fill(store);

        var runs = ResultFrames.Runs(store);

        Assert.Equal(["run", "experiment", "role", "variant", "seed", "status", "started", "ended", "seconds", "config_key", "checkpoint", "message", "mIoU", "mPA"],
            runs.Columns.Select(c => c.Name));
        Assert.Equal([typeof(long), typeof(string), typeof(string), typeof(string), typeof(int), typeof(string), typeof(DateTime), typeof(DateTime), typeof(double)],
            runs.Columns.Take(9).Select(c => c.DataType));
        Assert.Equal(new object?[] { students[0], students[1], students[2], teacher, failed, running }, Values(runs, "run"));
        Assert.Equal(["student", "student", "student", "teacher", "teacher", "student"], Values(runs, "role"));
        Assert.Equal([0, 1, 2, 0, 1, 0], Values(runs, "seed"));
        Assert.Equal(["finished", "finished", "finished", "finished", "failed", "running"], Values(runs, "status"));
        Assert.Equal([0.60, 0.62, 0.64, 0.7, null, null], Values(runs, "mIoU"));
        Assert.Equal([null, null, null, 0.8, null, null], Values(runs, "mPA"));
        Assert.Equal("ckpt/s0.safetensors", Values(runs, "checkpoint")[0]);
        Assert.Null(Values(runs, "checkpoint")[3]);
        Assert.Equal("out of <memory>", Values(runs, "message")[4]);
        var started = Assert.IsType<DateTime>(Values(runs, "started")[0]);
        Assert.InRange(started, before, DateTime.UtcNow);
        Assert.Null(Values(runs, "ended")[5]); // still running: no end, no duration
        Assert.Null(Values(runs, "seconds")[5]);
        Assert.InRange(Assert.IsType<double>(Values(runs, "seconds")[0]), 0.0, 60.0);
        Assert.Equal(ResultStore.ConfigKey(store.Runs()[0].ConfigJson), Values(runs, "config_key")[0]);

        var teachers = ResultFrames.Runs(store, new RunFilter(Role: TrainingRole.Teacher));
        Assert.Equal([teacher, failed], Values(teachers, "run"));
        Assert.Equal(0, ResultFrames.Runs(store, new RunFilter(Experiment: "none")).Rows.Count);
    }

    [Fact]
    public void MeanStd_OfTheRunsFrame_GivesTheStoresSummaries()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        Fill(store);

        var finished = ResultFrames.Runs(store, new RunFilter(Experiment: "quick", Status: RunStatus.Finished));
        var frame = FrameStatistics.MeanStd(finished, ["role", "variant", "config_key"], ["mIoU"]);
        var summaries = store.Summaries("quick");

        Assert.Equal(summaries.Select(s => s.Variant), Values(frame, "variant"));
        Assert.Equal(summaries.Select(s => (object?)s.Metrics["mIoU"].Mean), Values(frame, "mIoU_mean"));
        Assert.Equal(summaries.Select(s => (object?)s.Metrics["mIoU"].Std), Values(frame, "mIoU_std"));
        Assert.Equal(summaries.Select(s => (object?)s.Seeds.Count), Values(frame, "n"));
        Near(0.02, Values(frame, "mIoU_std")[0]); // sqrt((0.02² + 0 + 0.02²) / 2)
    }

    [Fact]
    public void Epochs_PivotOneRowPerRunAndStep_NullWhereAMetricWasNotLogged()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        var a = store.StartRun("quick", TrainingRole.Student, "weakly", 3, ExperimentPresets.Quick);
        store.LogEpoch(a, 1, 6, new Dictionary<string, double> { ["loss"] = 1.5, ["mIoU"] = 0.25 });
        store.LogEpoch(a, 2, 12, new Dictionary<string, double> { ["loss"] = 0.75 });
        var b = store.StartRun("quick", TrainingRole.Teacher, "weakly", 4, ExperimentPresets.Quick);
        store.LogEpoch(b, 1, 5, new Dictionary<string, double> { ["lr"] = 0.01 });

        var epochs = ResultFrames.Epochs(store, b, a);

        Assert.Equal(["run", "role", "variant", "seed", "epoch", "step", "loss", "lr", "mIoU"], epochs.Columns.Select(c => c.Name));
        Assert.Equal([b, a, a], Values(epochs, "run"));
        Assert.Equal(["teacher", "student", "student"], Values(epochs, "role"));
        Assert.Equal([4, 3, 3], Values(epochs, "seed"));
        Assert.Equal([1, 1, 2], Values(epochs, "epoch"));
        Assert.Equal([5L, 6L, 12L], Values(epochs, "step"));
        Assert.Equal([null, 1.5, 0.75], Values(epochs, "loss"));
        Assert.Equal([0.01, null, null], Values(epochs, "lr"));
        Assert.Equal([null, 0.25, null], Values(epochs, "mIoU"));
        Assert.Equal(3, ResultFrames.Epochs(store, new RunFilter()).Rows.Count);
        Assert.Equal([a, a], Values(ResultFrames.Epochs(store, new RunFilter(Role: TrainingRole.Student)), "run"));
    }

    [Fact]
    public void ClassIoU_GivesOneRowPerRunAndClass_NullWhereTheClassIsAbsent()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        var a = store.StartRun("quick", TrainingRole.Student, "weakly", 0, ExperimentPresets.Quick);
        store.FinishRun(a, new Dictionary<string, double> { ["mIoU"] = 0.5 }, [new ClassIoU(1, "car", 0.5), new ClassIoU(0, "road", 0.9)]);
        var b = store.StartRun("quick", TrainingRole.Student, "weakly", 1, ExperimentPresets.Quick);
        store.FinishRun(b, new Dictionary<string, double> { ["mIoU"] = 0.4 }, [new ClassIoU(0, "road", 0.7), new ClassIoU(1, "car", null)]);

        var frame = ResultFrames.ClassIoU(store, a, b);

        Assert.Equal(["run", "role", "variant", "seed", "class_index", "class", "IoU"], frame.Columns.Select(c => c.Name));
        Assert.Equal([a, a, b, b], Values(frame, "run"));
        Assert.Equal([0, 1, 0, 1], Values(frame, "class_index"));
        Assert.Equal(["road", "car", "road", "car"], Values(frame, "class"));
        Assert.Equal([0.9, 0.5, 0.7, null], Values(frame, "IoU"));
        var perClass = FrameStatistics.MeanStd(frame, ["class"], ["IoU"]);
        Near(0.8, Values(perClass, "IoU_mean")[0]);
        Near(0.5, Values(perClass, "IoU_mean")[1]); // car: the one run that saw it
        Assert.Equal([2, 2], Values(perClass, "n"));
        Assert.Equal([2, 1], Values(perClass, "IoU_n"));
    }

    [Fact]
    public void Sweep_GivesOneRowPerFinishedRun_WithItsAxisValues_AndSweepRowsTheirMeanAndStd()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        var sweep = new Sweep("betas", "β", ExperimentPresets.Quick, [SweepAxis.Over("loss.beta", ["0.5", "1"], "β")]);
        var id = store.EnsureSweep(sweep);
        var teacher = store.StartRun("quick", TrainingRole.Teacher, "weakly", 0, ExperimentPresets.Quick);
        store.FinishRun(teacher, new Dictionary<string, double> { ["mIoU"] = 0.7, ["mPA"] = 0.8 }, [new ClassIoU(0, "road", 0.9), new ClassIoU(1, "car", 0.5)]);
        store.AddSweepRun(id, teacher, "teacher weakly", []);
        var students = new List<long>();
        foreach (var (beta, seed, miou, tc) in new[] { ("0.5", 0, 0.50, (double?)0.9), ("0.5", 1, 0.54, 0.8), ("1", 0, 0.60, null) })
        {
            var run = store.StartRun("quick", TrainingRole.Student, "weakly+KD+MFD", seed, ExperimentPresets.Quick);
            var metrics = new Dictionary<string, double> { ["mIoU"] = miou, ["mPA"] = miou + 0.1 };
            if (tc is { } value)
            {
                metrics["temporalConsistency"] = value;
            }
            store.FinishRun(run, metrics, [new ClassIoU(0, "road", miou + 0.2), new ClassIoU(1, "car", seed == 1 ? null : miou - 0.2)]);
            store.AddSweepRun(id, run, beta, [new("β", beta)]);
            students.Add(run);
        }
        var failed = store.StartRun("quick", TrainingRole.Student, "weakly+KD+MFD", 1, ExperimentPresets.Quick);
        store.FailRun(failed, "stopped");
        store.AddSweepRun(id, failed, "1", [new("β", "1")]);

        var runs = ResultFrames.Sweep(store, id);

        Assert.Equal(["sweep", "config", "row", "role", "variant", "seed", "run", "β", "mIoU", "mPA", "TC", "IoU_road", "IoU_car"], runs.Columns.Select(c => c.Name));
        Assert.Equal([typeof(string), typeof(int), typeof(long), typeof(string), typeof(double)], new[] { "row", "seed", "run", "β", "TC" }.Select(c => runs[c].DataType));
        Assert.Equal(new object?[] { teacher, students[0], students[1], students[2] }, Values(runs, "run")); // the failed run is left out
        Assert.Equal(["teacher weakly", "0.5", "0.5", "1"], Values(runs, "row"));
        Assert.Equal([null, "0.5", "0.5", "1"], Values(runs, "β"));
        Assert.Equal([0.7, 0.50, 0.54, 0.60], Values(runs, "mIoU"));
        Assert.Equal([null, 0.9, 0.8, null], Values(runs, "TC"));
        Assert.Equal([0.5, 0.3, null, 0.4], Values(runs, "IoU_car").Select(v => v is double d ? Math.Round(d, 12) : v));
        Assert.Equal(Values(runs, "run"), Values(ResultFrames.Sweep(store, "betas"), "run"));
        Assert.Equal(Values(runs, "run"), Values(ResultFrames.Sweep(store, "betas", config: "quick"), "run"));

        var rows = ResultFrames.SweepRows(store, id);
        Assert.Equal(["row", "role", "variant", "model", "β", "seeds", "mIoU_mean", "mIoU_std", "mPA_mean", "mPA_std", "TC_mean", "TC_std", "IoU_road", "IoU_car"],
            rows.Columns.Select(c => c.Name));
        Assert.Equal(["teacher weakly", "0.5", "1"], Values(rows, "row"));
        Assert.Equal([ExperimentPresets.Quick.Teacher.Name, ExperimentPresets.Quick.Student.Name], Values(rows, "model")[..2]);
        Assert.Equal(["0", "0 1", "0"], Values(rows, "seeds"));
        Near(0.52, Values(rows, "mIoU_mean")[1]);
        Near(0.028284271247461905, Values(rows, "mIoU_std")[1]); // sqrt((0.02² + 0.02²) / 1)
        Assert.Equal([0.0, 0.0], new[] { Values(rows, "mIoU_std")[0], Values(rows, "mIoU_std")[2] }); // one seed: 0, as SeedSummary
        Near(0.85, Values(rows, "TC_mean")[1]);
        Assert.Null(Values(rows, "TC_mean")[2]); // not measured
        Near(0.3, Values(rows, "IoU_car")[1]); // the mean of the seeds that saw the class

        // The same numbers from the runs frame through MeanStd.
        var averaged = FrameStatistics.MeanStd(runs, ["row"], ["mIoU", "TC"]);
        Assert.Equal(Values(rows, "mIoU_mean"), Values(averaged, "mIoU_mean"));
        Assert.Equal(Values(rows, "mIoU_std"), Values(averaged, "mIoU_std"));
        Assert.Equal(Values(rows, "TC_std"), Values(averaged, "TC_std"));
        Assert.Equal([1, 2, 1], Values(averaged, "n"));
    }

    [Fact]
    public void Readouts_NameWhatIsMissing()
    {
        using var store = ResultStore.ForWorkspace(folder.FullName);
        var run = store.StartRun("quick", TrainingRole.Student, "weakly", 0, ExperimentPresets.Quick);

        Assert.Contains($"no run {run + 5}", Assert.Throws<ArgumentException>(() => ResultFrames.Epochs(store, run, run + 5)).Message, StringComparison.Ordinal);
        Assert.Contains("RunFilter", Assert.Throws<ArgumentException>(() => ResultFrames.ClassIoU(store)).Message, StringComparison.Ordinal);
        Assert.Contains("no sweep 'table2'; it holds: none", Assert.Throws<ArgumentException>(() => ResultFrames.Sweep(store, "table2")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ResultFrames.Sweep(store, 42));
        Assert.Throws<ArgumentException>(() => ResultFrames.SweepRows(store, 42));
        var sweeps = ResultFrames.Sweeps(store);
        Assert.Equal(["sweep", "name", "config", "key", "runs", "created"], sweeps.Columns.Select(c => c.Name));
        Assert.Equal(0, sweeps.Rows.Count);
    }
}
