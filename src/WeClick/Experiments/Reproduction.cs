using System.Diagnostics;
using System.Globalization;
using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Losses;
using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// WeClick's pipeline end to end for one config (Table 1): data and clicks, the teacher from clicks, then per seed the
/// three students — weakly (α only), weakly+KD (β = 0), weakly+KD+MFD (Eq. 5) — and, as the upper bound, the same teacher
/// and student trained on the dense labels (plain cross-entropy), each evaluated on the validation split with its last
/// epoch's weights (or as <c>schedule.selection</c> says),
/// recorded in the workspace's results store, and summarised as mean ± std in an HTML report with per-class IoU and
/// example masks. Runs already finished in the store with the same identity (<see cref="RunIdentity"/>) are reused, and
/// interrupted ones resume from their checkpoints, so running it again continues where it stopped.
/// </summary>
/// <remarks>
/// One teacher (the first seed) serves every student, as in the paper, where the teacher is trained once. Its identity is
/// its own config (<see cref="RunIdentity.Of"/>): changing a student, clip or flow key reuses it, and changing a teacher
/// key trains a new one in a folder of its own (<see cref="RunIdentity.Folder"/>), leaving the old one as it was.
/// </remarks>
public static partial class Reproduction
{
    /// <summary>
    /// The student rows of WeClick's Table 1 and the loss each uses: each row sets the weight of one more term of Eq. 5
    /// and nothing else (<c>loss.kdFrames</c>, n, sampling and flow stay the experiment's), so +KD and +KD+MFD distil the
    /// same frames and their difference is MFD's.
    /// </summary>
    public static IReadOnlyList<(string Variant, Func<LossConfig, LossConfig> Loss)> StudentRows { get; } =
    [
        ("weakly", loss => loss with { Beta = 0, Gamma = 0 }),
        ("weakly+KD", loss => loss with { Beta = 0 }),
        ("weakly+KD+MFD", loss => loss),
    ];

    /// <summary>
    /// The upper bound's loss: the same network and schedule trained on the dense labels with plain cross-entropy
    /// (<see cref="Supervision.Dense"/>), no KD and no MFD. Set against the weakly row it differs in the supervision alone,
    /// so click-trained mIoU over this row's is what the clicks cost (about 0.77 on Cityscapes in the paper).
    /// </summary>
    public static LossConfig DenseLoss(LossConfig loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return loss with { Beta = 0, Gamma = 0, Supervision = Supervision.Dense };
    }

    /// <summary>The teacher's config: the experiment with KD and MFD off (the teacher trains on weakly alone, Fig. 3a).</summary>
    public static ExperimentConfig TeacherConfig(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { Loss = config.Loss with { Beta = 0, Gamma = 0 } };
    }

    /// <summary>
    /// The Table 1 row a loss makes: weakly, weakly+KD, weakly+MFD or weakly+KD+MFD from clicks; dense (the upper bound),
    /// dense+KD, ... from dense labels.
    /// </summary>
    public static string VariantOf(LossConfig loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var supervision = loss.Supervision == Supervision.Dense ? "dense" : "weakly";
        return supervision + (loss.Beta > 0, loss.Gamma > 0) switch
        {
            (false, false) => "",
            (false, true) => "+KD",
            (true, false) => "+MFD",
            _ => "+KD+MFD",
        };
    }

    /// <summary>Runs (or continues) the reproduction: the Table 1 sweep (<see cref="PaperExperiments.Table1"/>), then the report.</summary>
    public static ReproductionResult Run(ExperimentConfig config, ReproductionOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var log = options.Log ?? (_ => { });
        ConfigFile.ThrowIfInvalid(config);
        ExperimentDevice.ConfigureEngine(config); // threads for evaluation and profiling too, not only training
        Directory.CreateDirectory(Path.Combine(options.Workspace, config.Name));
        log($"data: {config.Data.Dataset} in '{config.Data.Root}'");
        if (ExperimentData.EnsureData(config))
        {
            log("data: written");
        }
        GroundTruthConsistency? reference = null;
        var sweep = SweepRunner.Run(PaperExperiments.Table1(config, options.UpperBound), new SweepOptions
        {
            Workspace = options.Workspace,
            Log = options.Log,
            ObserverFor = options.ObserverFor,
            Cancellation = options.Cancellation,
            // After the sweep's checks (clips and TC runs formable), before any training: the ground truth's TC.
            Checked = () => reference = GroundTruthReference(config, log),
        });
        var rows = sweep.Rows.Select(r => new ReproductionRow(r.Role, r.Variant, r.Model, r.MeanIoU, r.MeanPixelAccuracy, r.Seeds, r.PerClassIoU,
            r.TemporalConsistency)).ToList();
        var teacherWeights = sweep.Rows.First(r => r.Role == TrainingRole.Teacher && r.Variant == "weakly").Weights!;

        log("report: profiling and drawing");
        var validation = ExperimentData.OpenSplit(config, config.Data.ValSplit, clicks: false);
        var classes = validation.Classes;
        var device = ExperimentDevice.ParseDevice(config.Device);
        var profiles = new List<ModelProfile>();
        foreach (var model in new[] { config.Teacher, config.Student })
        {
            using var network = ExperimentModels.CreateModel(model with { BackboneWeights = null }, classes.Count, device);
            profiles.Add(ModelProfile.Measure(network, config.StudentSchedule.CropHeight, config.StudentSchedule.CropWidth, config.Evaluation.SpeedFrames));
        }
        var report = WriteReport(config, rows, reference, profiles, validation, options.Workspace, teacherWeights, sweep.Notes, clock.Elapsed.TotalSeconds);
        log($"report: {report}");
        return new ReproductionResult(rows, report, clock.Elapsed.TotalSeconds, profiles, reference);
    }

    // The ground truth's TC, the reference the rows' TC is read against (null where TC is off). It runs no network, so it
    // is measured once per call, before any training: data it cannot read stops the run now, not after the students.
    private static GroundTruthConsistency? GroundTruthReference(ExperimentConfig config, Action<string> log)
    {
        if (config.Evaluation.TemporalFrames < 2)
        {
            return null;
        }
        var reference = ExperimentEvaluation.MeasureGroundTruthConsistency(config, config.Data.ValSplit, config.Evaluation.TemporalFrames);
        log(reference.Available
            ? string.Create(CultureInfo.InvariantCulture, $"temporal consistency reference: {100 * reference.MeanAgreement:F1} %, {reference.Description}")
            : $"temporal consistency reference: {reference.Description}");
        return reference;
    }

    /// <summary>
    /// One recorded training run: reused when the store holds a finished run of the same identity
    /// (<see cref="RunIdentity.Of"/>), variant and seed whose weights exist; else trained (resuming from the run folder's
    /// checkpoint), evaluated on the validation split with its best weights, and recorded (per-epoch validation and losses,
    /// final metrics, per-class IoU, timings). The store and the checkpoints hold the identity, not the whole config.
    /// </summary>
    /// <param name="store">The results store.</param>
    /// <param name="config">The config to train with (device, threads and workers included).</param>
    /// <param name="role">Teacher or student.</param>
    /// <param name="variant">The Table 1 row.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="runFolder">Its folder, normally <see cref="RunIdentity.Folder"/>.</param>
    /// <param name="teacherWeights">The teacher's selected weights (students with KD or MFD).</param>
    /// <param name="options">Workspace, log, observers, cancellation.</param>
    /// <param name="validation">The validation split.</param>
    /// <param name="title">The run's name in log lines; <c>&lt;role&gt; &lt;variant&gt; seed &lt;N&gt;</c> when omitted.</param>
    /// <returns>The selected weights (<c>best.safetensors</c>: the last epoch's, or the best validated one with
    /// <c>schedule.selection = validation</c>).</returns>
    public static string TrainRecorded(ResultStore store, ExperimentConfig config, TrainingRole role, string variant, int seed, string runFolder,
        string? teacherWeights, ReproductionOptions options, IClipDataset validation, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var identity = RunIdentity.Of(config, role, seed);
        var json = ConfigFile.ToJson(identity);
        title ??= $"{role.ToString().ToLowerInvariant()} {variant} seed {seed}";
        var done = FinishedRun(store, config, role, variant, seed);
        if (done is not null)
        {
            options.Log?.Invoke($"{title}: finished before, reused");
            return done.Checkpoint!;
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
                : ExperimentTraining.TrainStudent(config, seed, runFolder, json, teacherWeights, Path.Combine(options.Workspace, "flow-cache"), hooks);
            store.LogTiming(run, "train", result.TrainingSeconds);
            // One load of the best weights serves both the metrics and the temporal consistency.
            using var network = ExperimentModels.LoadTrained(role == TrainingRole.Teacher ? config.Teacher : config.Student,
                validation.Classes.Count, result.BestWeights, ExperimentDevice.ParseDevice(config.Device));
            var evaluation = new Evaluator(config.Evaluation).Evaluate(network, validation);
            store.LogTiming(run, "evaluate", evaluation.Elapsed.TotalSeconds);
            var metrics = evaluation.Metrics;
            var values = ExperimentEvaluation.MetricValues(metrics);
            values["bestEpoch"] = result.State.BestEpoch ?? result.State.EpochsDone;
            if (config.Evaluation.TemporalFrames >= 2)
            {
                var started = Stopwatch.StartNew();
                values["temporalConsistency"] = ExperimentEvaluation.MeasureTemporalConsistency(config, network, config.Data.ValSplit, config.Evaluation.TemporalFrames).MeanAgreement;
                store.LogTiming(run, "temporalConsistency", started.Elapsed.TotalSeconds);
            }
            store.FinishRun(run, values, metrics.PerClassIoU.Select((iou, c) => new ClassIoU(c, metrics.ClassNames[c], double.IsNaN(iou) ? null : iou)).ToArray(), result.BestWeights);
            options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{title}: mIoU {100 * metrics.MeanIoU:F1} % ({result.TrainingSeconds:F0} s training)"));
            return result.BestWeights;
        }
        catch (Exception e)
        {
            store.FailRun(run, e.Message);
            throw;
        }
    }

    /// <summary>
    /// What the students' clips and temporal consistency's runs hold, without reading an image: how far apart their frames
    /// are, and for CamVid without <c>data.neighboursFolder</c> how many fell back to labelled frames. <see cref="Run"/>
    /// calls it before any training (a clip or run that cannot be formed stops it there), passes the warnings to
    /// <paramref name="log"/> and writes the lines into the report under "Neighbour frames".
    /// </summary>
    /// <returns>One line per check: the student clips (when a row loads neighbours), temporal consistency (when measured).</returns>
    /// <exception cref="FileNotFoundException">A student clip cannot be formed (named).</exception>
    /// <exception cref="ArgumentException">Temporal consistency has no pair to compare (the message says what to set).</exception>
    public static IReadOnlyList<string> NeighbourNotes(ExperimentConfig config, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(log);
        var lines = new List<string>();
        var frames = ExperimentTraining.StudentFrames(config with { Loss = StudentRows[^1].Loss(config.Loss) });
        if (frames > 1)
        {
            var clips = ExperimentData.SummarizeNeighbours(config, config.Data.TrainSplit, frames);
            lines.Add("Student clips: " + (clips?.Describe() ?? FormattableString.Invariant(
                $"{config.Data.Dataset}/{config.Data.TrainSplit}: every clip has its {frames - 1} {(frames == 2 ? "neighbour" : "neighbours")} in the video, at the wanted spacing.")));
            if (ExperimentData.NeighbourWarning(clips) is { } warning)
            {
                log(warning);
            }
        }
        if (config.Evaluation.TemporalFrames >= 2)
        {
            var runs = ExperimentEvaluation.PlanTemporalConsistency(config, config.Data.ValSplit, config.Evaluation.TemporalFrames);
            lines.Add("Temporal consistency: " + (runs?.Describe() ?? FormattableString.Invariant(
                $"{config.Data.Dataset}/{config.Data.ValSplit}: runs of {config.Evaluation.TemporalFrames} adjacent video frames (1 frame apart).")));
            if (runs is { Complete: false })
            {
                log($"note: temporal consistency is measured over the frames that exist: {runs.Describe()}");
            }
        }
        return lines;
    }

    /// <summary>The latest finished run of <paramref name="config"/>'s identity (<see cref="RunIdentity.Of"/>) with this role,
    /// variant and seed whose weights still exist, or null: the run <see cref="TrainRecorded"/> and sweeps reuse.</summary>
    internal static RunRecord? FinishedRun(ResultStore store, ExperimentConfig config, TrainingRole role, string variant, int seed)
    {
        var json = RunIdentity.Json(config, role, seed);
        return store.Runs(new RunFilter(config.Name, role, variant, RunStatus.Finished))
            .LastOrDefault(r => r.Seed == seed && r.ConfigJson == json && r.Checkpoint is { } c && File.Exists(c));
    }
}
