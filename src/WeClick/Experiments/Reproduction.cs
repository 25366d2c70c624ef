using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Models;
using WeClick.Reports;
using WeClick.Training;
using static TorchSharp.torch;

namespace WeClick.Experiments;

/// <summary>What <see cref="Reproduction.Run"/> needs besides the config.</summary>
public sealed record ReproductionOptions
{
    /// <summary>The workspace: the results store, run folders, the flow cache and the report go here.</summary>
    public required string Workspace { get; init; }

    /// <summary>Progress text (one line per stage).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The training observer for a run, given its title (e.g. <c>student weakly+KD seed 1</c>); null = none.</summary>
    public Func<string, Action<TrainingUpdate>?>? ObserverFor { get; init; }

    /// <summary>Stops between steps; a later run resumes.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>One row of the reproduction table.</summary>
/// <param name="Role">Teacher or student.</param>
/// <param name="Variant">The loss: weakly, weakly+KD, weakly+KD+MFD.</param>
/// <param name="Model">Catalogue name.</param>
/// <param name="MeanIoU">mIoU over seeds.</param>
/// <param name="MeanPixelAccuracy">mPA over seeds.</param>
/// <param name="Seeds">Seeds averaged.</param>
/// <param name="PerClassIoU">Per-class IoU averaged over seeds (NaN where undefined).</param>
/// <param name="TemporalConsistency">Temporal consistency over seeds (<c>evaluation.temporalFrames</c>), or null when not measured.</param>
public sealed record ReproductionRow(TrainingRole Role, string Variant, string Model, SeedSummary MeanIoU, SeedSummary MeanPixelAccuracy,
    IReadOnlyList<int> Seeds, IReadOnlyList<double> PerClassIoU, SeedSummary? TemporalConsistency = null);

/// <summary>The outcome of a reproduction.</summary>
/// <param name="Rows">Teacher first, then the students in Table 1 order.</param>
/// <param name="Report">The report's index.html.</param>
/// <param name="WallSeconds">Wall time of this call.</param>
/// <param name="Profiles">#Params and speed of teacher and student.</param>
public sealed record ReproductionResult(IReadOnlyList<ReproductionRow> Rows, string Report, double WallSeconds, IReadOnlyList<ModelProfile> Profiles);

/// <summary>
/// WeClick's pipeline end to end for one config (Table 1): data and clicks, the teacher from clicks, then per seed the
/// three students — weakly (α only), weakly+KD (β = 0), weakly+KD+MFD (Eq. 5) — each evaluated on the validation split,
/// recorded in the workspace's results store, and summarised as mean ± std in an HTML report with per-class IoU and
/// example masks. Runs already finished in the store with the same config are reused, and interrupted ones resume from
/// their checkpoints, so running it again continues where it stopped.
/// </summary>
/// <remarks>One teacher (the first seed) serves every student, as in the paper, where the teacher is trained once.</remarks>
public static class Reproduction
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

    /// <summary>The teacher's config: the experiment with KD and MFD off (the teacher trains on weakly alone, Fig. 3a).</summary>
    public static ExperimentConfig TeacherConfig(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { Loss = config.Loss with { Beta = 0, Gamma = 0 } };
    }

    /// <summary>The Table 1 row a student's loss weights make: weakly, weakly+KD, weakly+MFD or weakly+KD+MFD.</summary>
    public static string VariantOf(LossConfig loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return (loss.Beta > 0, loss.Gamma > 0) switch
        {
            (false, false) => "weakly",
            (false, true) => "weakly+KD",
            (true, false) => "weakly+MFD",
            _ => "weakly+KD+MFD",
        };
    }

    /// <summary>Runs (or continues) the reproduction.</summary>
    public static ReproductionResult Run(ExperimentConfig config, ReproductionOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var log = options.Log ?? (_ => { });
        ConfigFile.ThrowIfInvalid(config);
        ExperimentSetup.ConfigureEngine(config); // threads for evaluation and profiling too, not only training
        var folder = Path.Combine(options.Workspace, config.Name);
        Directory.CreateDirectory(folder);
        log($"data: {config.Data.Dataset} in '{config.Data.Root}'");
        if (ExperimentSetup.EnsureData(config))
        {
            log("data: written");
        }
        using var store = ResultStore.ForWorkspace(options.Workspace);
        var validation = ExperimentSetup.OpenSplit(config, config.Data.ValSplit, clicks: false);
        var classes = validation.Classes;

        var teacherSeed = config.Seeds[0];
        var teacherWeights = TrainRecorded(store, TeacherConfig(config), TrainingRole.Teacher, "weakly", teacherSeed, Path.Combine(folder, $"teacher-seed{teacherSeed}"), null, options, validation);

        foreach (var seed in config.Seeds)
        {
            foreach (var (variant, loss) in StudentRows)
            {
                var studentConfig = config with { Loss = loss(config.Loss) };
                TrainRecorded(store, studentConfig, TrainingRole.Student, variant, seed, Path.Combine(folder, $"student-{variant}-seed{seed}"), teacherWeights, options, validation);
            }
        }

        log("report: profiling and drawing");
        var rows = Rows(store, config, classes);
        var device = ExperimentSetup.ParseDevice(config.Device);
        var profiles = new List<ModelProfile>();
        foreach (var model in new[] { config.Teacher, config.Student })
        {
            using var network = ExperimentSetup.CreateModel(model with { BackboneWeights = null }, classes.Count, device);
            profiles.Add(ModelProfile.Measure(network, config.StudentSchedule.CropHeight, config.StudentSchedule.CropWidth, config.Evaluation.SpeedFrames));
        }
        var report = WriteReport(config, rows, profiles, validation, folder, teacherWeights, clock.Elapsed.TotalSeconds);
        log($"report: {report}");
        return new ReproductionResult(rows, report, clock.Elapsed.TotalSeconds, profiles);
    }

    /// <summary>
    /// One recorded training run: reused when the store holds a finished run of the same config, variant and seed whose
    /// weights exist; else trained (resuming from the run folder's checkpoint), evaluated on the validation split with its
    /// best weights, and recorded (per-epoch validation and losses, final metrics, per-class IoU, timings).
    /// </summary>
    /// <returns>The best weights.</returns>
    public static string TrainRecorded(ResultStore store, ExperimentConfig config, TrainingRole role, string variant, int seed, string runFolder,
        string? teacherWeights, ReproductionOptions options, IClipDataset validation)
    {
        var json = ConfigFile.ToJson(config);
        var title = $"{role.ToString().ToLowerInvariant()} {variant} seed {seed}";
        var done = FinishedRuns(store, config, role, variant).LastOrDefault(r => r.Seed == seed && r.Checkpoint is { } c && File.Exists(c));
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
        var run = store.StartRun(config.Name, role, variant, seed, config, TrainingCheckpoint.BestPath(runFolder));
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
                Validate = ExperimentSetup.Validator(config),
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
            using var network = ExperimentSetup.LoadTrained(role == TrainingRole.Teacher ? config.Teacher : config.Student,
                validation.Classes.Count, result.BestWeights, ExperimentSetup.ParseDevice(config.Device));
            var evaluation = new Evaluator(config.Evaluation).Evaluate(network, validation);
            store.LogTiming(run, "evaluate", evaluation.Elapsed.TotalSeconds);
            var metrics = evaluation.Metrics;
            var values = ExperimentSetup.MetricValues(metrics);
            values["bestEpoch"] = result.State.BestEpoch ?? result.State.EpochsDone;
            if (config.Evaluation.TemporalFrames >= 2)
            {
                var started = Stopwatch.StartNew();
                values["temporalConsistency"] = ExperimentSetup.MeasureTemporalConsistency(config, network, config.Data.ValSplit, config.Evaluation.TemporalFrames).MeanAgreement;
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

    // Finished runs of this exact config (its JSON), role and variant, oldest first.
    private static IEnumerable<RunRecord> FinishedRuns(ResultStore store, ExperimentConfig config, TrainingRole role, string variant)
    {
        var json = ConfigFile.ToJson(config);
        return store.Runs(new RunFilter(config.Name, role, variant, RunStatus.Finished)).Where(r => r.ConfigJson == json);
    }

    private static IReadOnlyList<ReproductionRow> Rows(ResultStore store, ExperimentConfig config, ClassSet classes)
    {
        var rows = new List<ReproductionRow>();
        var wanted = new List<(TrainingRole Role, string Variant, string Model)> { (TrainingRole.Teacher, "weakly", config.Teacher.Name) };
        wanted.AddRange(StudentRows.Select(r => (TrainingRole.Student, r.Variant, config.Student.Name)));
        foreach (var (role, variant, model) in wanted)
        {
            var variantConfig = role == TrainingRole.Teacher
                ? TeacherConfig(config)
                : config with { Loss = StudentRows.First(r => r.Variant == variant).Loss(config.Loss) };
            var runs = FinishedRuns(store, variantConfig, role, variant)
                .Where(r => role == TrainingRole.Teacher ? r.Seed == config.Seeds[0] : config.Seeds.Contains(r.Seed))
                .GroupBy(r => r.Seed).Select(g => g.Last()).OrderBy(r => r.Seed).ToList();
            var finals = runs.Select(r => store.FinalMetrics(r.Id)).ToList();
            var perClass = new double[classes.Count];
            for (var c = 0; c < classes.Count; c++)
            {
                var values = runs.Select(r => store.PerClassIoU(r.Id).FirstOrDefault(x => x.ClassIndex == c)?.IoU).OfType<double>().ToList();
                perClass[c] = values.Count > 0 ? values.Average() : double.NaN;
            }
            var consistency = finals.Select(f => f.GetValueOrDefault("temporalConsistency", double.NaN)).ToArray();
            rows.Add(new ReproductionRow(role, variant, model, SeedSummary.Of(finals.Select(f => f["mIoU"])), SeedSummary.Of(finals.Select(f => f["mPA"])),
                runs.Select(r => r.Seed).ToArray(), perClass, consistency.All(double.IsFinite) ? SeedSummary.Of(consistency) : null));
        }
        return rows;
    }

    private static string WriteReport(ExperimentConfig config, IReadOnlyList<ReproductionRow> rows, IReadOnlyList<ModelProfile> profiles,
        IClipDataset validation, string folder, string teacherWeights, double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        var classes = validation.Classes;
        var report = new HtmlReport($"WeClick reproduction: {config.Name}");
        report.Paragraph(string.Create(c,
            $"Dataset {config.Data.Dataset} ({validation.Count} validation frames); teacher {config.Teacher.Name}, student {config.Student.Name}; " +
            $"seeds {string.Join(", ", config.Seeds)}; {seconds / 60:F1} min on {config.Device}. mIoU and mPA in %, mean ± std over seeds (one teacher)."));
        report.Heading("Table 1 on this data");
        string Label(ReproductionRow r) => r.Role == TrainingRole.Teacher ? $"teacher ({r.Model})" : $"student {r.Variant} ({r.Model})";
        report.Table(["row", "mIoU (%)", "mPA (%)", "temporal consistency (%)", "seeds"], rows.Select(r => (IReadOnlyList<string>)
            [Label(r), r.MeanIoU.Format(1, 100), r.MeanPixelAccuracy.Format(1, 100), r.TemporalConsistency?.Format(1, 100) ?? "not measured", string.Join(",", r.Seeds)]));
        report.Heading("Size and speed");
        report.Table(["model", "#params (M)", "latency (ms)", "FPS", "input", "device, threads"], profiles.Select(p => (IReadOnlyList<string>)
        [
            p.Model, (p.Parameters / 1e6).ToString("F2", c), p.MedianLatencyMs.ToString("F1", c), p.Fps.ToString("F1", c), $"{p.Width}×{p.Height}, batch 1", $"{p.Device}, {p.Threads}",
        ]));
        report.Heading("Per-class IoU");
        report.BarChart("IoU per class (mean over seeds)", classes.Names, rows.Select(r => (Label(r), r.PerClassIoU)).ToArray(), interactive: true);
        report.Heading("Examples");
        AddExamples(report, config, validation, folder, teacherWeights);
        return report.Write(Path.Combine(folder, "report"));
    }

    // Two validation frames: image | ground truth | teacher | each student (seed of the first seed).
    private static void AddExamples(HtmlReport report, ExperimentConfig config, IClipDataset validation, string folder, string teacherWeights)
    {
        var device = ExperimentSetup.ParseDevice(config.Device);
        var evaluator = new Evaluator(config.Evaluation);
        var models = new List<(string Name, Segmentor Model)>();
        try
        {
            models.Add(("teacher", ExperimentSetup.LoadTrained(config.Teacher, validation.Classes.Count, teacherWeights, device)));
            foreach (var (variant, _) in StudentRows)
            {
                var weights = TrainingCheckpoint.BestPath(Path.Combine(folder, $"student-{variant}-seed{config.Seeds[0]}"));
                if (File.Exists(weights))
                {
                    models.Add((variant, ExperimentSetup.LoadTrained(config.Student, validation.Classes.Count, weights, device)));
                }
            }
            var picks = validation.Count > 1 ? new[] { 0, validation.Count / 2 } : new[] { 0 };
            foreach (var index in picks)
            {
                using var clip = validation.GetClip(index, 0);
                using var scope = NewDisposeScope();
                var panels = new List<Tensor> { clip.Image, SegmentationPalette.Colorize(clip.Label, validation.Classes) };
                panels.AddRange(models.Select(m => SegmentationPalette.Colorize(evaluator.Predict(m.Model, clip.Image), validation.Classes)));
                var separator = full([clip.Image.size(0), 4, 3], 255, ScalarType.Byte);
                var row = cat(panels.SelectMany((p, i) => i == 0 ? new[] { p } : new[] { separator, p }).ToArray(), 1);
                report.Image($"example-{index}", row, $"{clip.Name}: image | ground truth | {string.Join(" | ", models.Select(m => m.Name))}");
            }
        }
        finally
        {
            foreach (var (_, model) in models)
            {
                model.Dispose();
            }
        }
    }
}
