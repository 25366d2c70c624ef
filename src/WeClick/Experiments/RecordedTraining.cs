using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// One training run into the results store: reused when the store holds a finished run of the same identity
/// (<see cref="RunIdentity.Of"/>), scheme and seed whose weights exist; else trained in its folder
/// (<see cref="RunLayout.RunFolder"/>, resuming from its checkpoint), evaluated on the validation split with its selected
/// weights, and recorded (per-epoch validation and losses, final metrics with the selected epoch and the intra-op threads it
/// trained with, per-class IoU, timings). Sweeps and
/// <c>weclick train</c> train through here, so a run either made is the other's.
/// </summary>
public static class RecordedTraining
{
    /// <summary>Trains (or reuses, or resumes) one run.</summary>
    /// <param name="store">The results store.</param>
    /// <param name="config">The config to train with (device, threads and workers included).</param>
    /// <param name="role">Teacher or student.</param>
    /// <param name="variant">The scheme (<see cref="TrainingSchemes.VariantOf"/>).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="teacherWeights">The teacher's selected weights (students with KD or MFD).</param>
    /// <param name="options">The workspace, log, observers and cancellation (<see cref="SweepOptions.PlanOnly"/> and
    /// <see cref="SweepOptions.Checked"/> are a sweep's and not read here).</param>
    /// <param name="validation">The validation split.</param>
    /// <param name="title">The run's name in log lines; <see cref="RunLayout.Title"/> of its scheme when omitted.</param>
    /// <returns>The finished run; its <see cref="RunRecord.Checkpoint"/> is the selected weights (<c>best.safetensors</c>:
    /// the last epoch's, or the best validated one with <c>schedule.selection = validation</c>).</returns>
    public static RunRecord Train(ResultStore store, ExperimentConfig config, TrainingRole role, string variant, int seed,
        string? teacherWeights, SweepOptions options, IClipDataset validation, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validation);
        var layout = new RunLayout(options.Workspace);
        var runFolder = layout.RunFolder(config, role, variant, seed);
        var identity = RunIdentity.Of(config, role, seed);
        var json = ConfigFile.ToJson(identity);
        title ??= RunLayout.Title(role, role == TrainingRole.Teacher ? RunLayout.TeacherLabel(variant) : variant, seed);
        if (FinishedRun(store, config, role, variant, seed) is { } done)
        {
            options.Log?.Invoke($"{title}: finished before, reused");
            return done;
        }
        if (File.Exists(TrainingCheckpoint.LastPath(runFolder)))
        {
            var saved = TrainingCheckpoint.ReadState(TrainingCheckpoint.LastPath(runFolder));
            options.Log?.Invoke($"{title}: resuming after epoch {saved.EpochsDone} from {TrainingCheckpoint.LastPath(runFolder)}");
        }
        if (ExperimentModels.DescribeBackboneWeights(role == TrainingRole.Teacher ? config.Teacher : config.Student) is { } initialisation)
        {
            options.Log?.Invoke($"{title}: {initialisation}");
        }
        var run = store.StartRun(config.Name, role, variant, seed, identity, TrainingCheckpoint.BestPath(runFolder));
        // A run of this folder still marked running was killed (its process never finished it): this one takes over.
        foreach (var stale in store.Runs(new RunFilter(config.Name, role, variant, RunStatus.Running))
                     .Where(r => r.Id != run && r.Seed == seed && r.Checkpoint == TrainingCheckpoint.BestPath(runFolder)))
        {
            store.FailRun(stale.Id, $"interrupted; continued by run {run}");
        }
        try
        {
            var observer = options.ObserverFor?.Invoke(title);
            var hooks = new TrainingHooks
            {
                Log = line => (options.Log ?? Console.Error.WriteLine)($"{title}: {line}"),
                Validate = ExperimentEvaluation.Validator(config),
                Cancellation = options.Cancellation,
                Observer = update =>
                {
                    observer?.Invoke(update);
                    if (update.Kind == TrainingUpdateKind.Validated && update.Validation is { } v)
                    {
                        store.LogEpoch(run, update.Epoch, update.Step, v);
                    }
                    else if (update.Kind == TrainingUpdateKind.EpochEnd)
                    {
                        store.LogEpoch(run, update.Epoch, update.Step, update.Losses.ToDictionary(l => "loss." + l.Key, l => l.Value));
                    }
                },
            };
            var result = role == TrainingRole.Teacher
                ? ExperimentTraining.TrainTeacher(config, seed, runFolder, json, hooks)
                : ExperimentTraining.TrainStudent(config, seed, runFolder, json, teacherWeights, layout.FlowCache, hooks);
            store.LogTiming(run, "train", result.TrainingSeconds);
            // One load of the selected weights serves both the metrics and the temporal consistency.
            using var network = ExperimentModels.LoadTrained(role == TrainingRole.Teacher ? config.Teacher : config.Student,
                validation.Classes.Count, result.BestWeights, ExperimentDevice.ParseDevice(config.Device));
            var evaluation = new Evaluator(config.Evaluation).Evaluate(network, validation);
            store.LogTiming(run, "evaluate", evaluation.Elapsed.TotalSeconds);
            var metrics = evaluation.Metrics;
            var values = ExperimentEvaluation.MetricValues(metrics);
            values["bestEpoch"] = result.State.BestEpoch ?? result.State.EpochsDone;
            // Not part of the identity, but it moves a result within its noise (RunIdentity's remarks): recorded to tell runs apart.
            values["threads"] = torch.get_num_threads();
            if (config.Evaluation.TemporalFrames >= 2)
            {
                var started = Stopwatch.StartNew();
                values["temporalConsistency"] = ExperimentEvaluation.MeasureTemporalConsistency(config, network, config.Data.ValSplit, config.Evaluation.TemporalFrames).MeanAgreement;
                store.LogTiming(run, "temporalConsistency", started.Elapsed.TotalSeconds);
            }
            store.FinishRun(run, values, metrics.PerClassIoU.Select((iou, c) => new ClassIoU(c, metrics.ClassNames[c], double.IsNaN(iou) ? null : iou)).ToArray(), result.BestWeights);
            options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{title}: mIoU {100 * metrics.MeanIoU:F1} % ({result.TrainingSeconds:F0} s training)"));
            return store.Runs(new RunFilter(config.Name, role, variant, RunStatus.Finished)).Last(r => r.Id == run);
        }
        catch (Exception e)
        {
            store.FailRun(run, e.Message);
            throw;
        }
    }

    /// <summary>The latest finished run of <paramref name="config"/>'s identity (<see cref="RunIdentity.Of"/>) with this role,
    /// variant and seed whose weights still exist, or null: the run <see cref="Train"/> and sweeps reuse.</summary>
    public static RunRecord? FinishedRun(ResultStore store, ExperimentConfig config, TrainingRole role, string variant, int seed)
    {
        ArgumentNullException.ThrowIfNull(store);
        var json = RunIdentity.Json(config, role, seed);
        return store.Runs(new RunFilter(config.Name, role, variant, RunStatus.Finished))
            .LastOrDefault(r => r.Seed == seed && r.ConfigJson == json && r.Checkpoint is { } c && File.Exists(c));
    }
}
