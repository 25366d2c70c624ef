using System.Diagnostics;
using System.Globalization;
using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// Runs a <see cref="Sweep"/>: checks every point before any training, shows the plan (runs to train, runs reused, an
/// estimate of the time), trains the teachers its points distil (each distinct teacher once: points that differ only on
/// the student's side share one) and then every point's student for every seed, one progress line per run, and reads the
/// rows back from the results store. Finished runs of the same identity (<see cref="RunIdentity"/>) are reused and
/// interrupted ones resume from their checkpoints, so running a sweep again continues where it stopped, and two sweeps
/// that share a point (Table 1's +KD+MFD row is Table 2's forward row) train it once.
/// </summary>
public static class SweepRunner
{
    // One training run of the plan.
    private sealed record PlannedRun(string Label, IReadOnlyList<KeyValuePair<string, string>> AxisValues, TrainingRole Role, string Variant, int Seed,
        ExperimentConfig Config, string? TeacherKey)
    {
        public string Title => RunLayout.Title(Role, Label, Seed);
    }

    /// <summary>Runs (or continues) the sweep; with <see cref="SweepOptions.PlanOnly"/> only shows its plan (no rows, no
    /// sweep recorded: <see cref="SweepResult.SweepId"/> 0).</summary>
    /// <exception cref="ConfigException">A point's config is invalid (named), before any training.</exception>
    public static SweepResult Run(Sweep sweep, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var log = options.Log ?? (_ => { });
        var points = sweep.Expand();
        foreach (var point in points)
        {
            try
            {
                ConfigFile.ThrowIfInvalid(point.Config); // the files each point reads (dataset, ImageNet backbones), before any training
            }
            catch (ConfigException e)
            {
                throw new ConfigException($"Sweep '{sweep.Name}', point '{point.Label}': {e.Message}");
            }
        }
        var plan = Plan(sweep, points);
        if (options.PlanOnly)
        {
            return ShowPlan(sweep, points, plan, options, log, clock);
        }
        ExperimentDevice.ConfigureEngine(sweep.Base);
        foreach (var data in points.Select(p => p.Config).DistinctBy(c => ConfigFile.ToJson(new ExperimentConfig { Data = c.Data })))
        {
            if (ExperimentData.EnsureData(data))
            {
                log($"data: written to '{data.Data.Root}'");
            }
        }
        // Before any training: every point's clips and temporal-consistency runs must be formable from the frames on disk.
        var warned = new HashSet<string>(StringComparer.Ordinal);
        // The points with the most frames first: a clip that cannot be formed is named before a temporal-consistency run.
        var notes = points.OrderByDescending(p => ExperimentTraining.StudentFrames(p.Config)).SelectMany(p => ExperimentData.NeighbourNotes(p.Config, line =>
        {
            if (warned.Add(line))
            {
                log(line); // once, not once per point
            }
        })).Distinct().ToList();
        options.Checked?.Invoke();

        using var store = ResultStore.ForWorkspace(options.Workspace);
        var sweepId = store.EnsureSweep(sweep);
        var toTrain = plan.Where(r => Finished(store, r) is null).ToList();
        var measured = new Dictionary<string, List<double>>(StringComparer.Ordinal); // this call's runs, by Shape
        log(PlanLine(sweep, points, plan, toTrain, toTrain.Select(r => Estimate(store, r, measured)).ToList()));

        var teacherWeights = new Dictionary<string, string>(StringComparer.Ordinal);
        var validations = new Dictionary<string, Data.IClipDataset>(StringComparer.Ordinal);
        int trained = 0, reused = 0;
        foreach (var run in plan)
        {
            var finishedBefore = Finished(store, run) is not null;
            var dataKey = ConfigFile.ToJson(new ExperimentConfig { Data = run.Config.Data }); // the split depends on the data alone
            if (!validations.TryGetValue(dataKey, out var validation))
            {
                validation = validations[dataKey] = ExperimentData.OpenSplit(run.Config, run.Config.Data.ValSplit, clicks: false);
            }
            var teacher = run.TeacherKey is { } key ? teacherWeights[key] : null;
            var record = RecordedTraining.Train(store, run.Config, run.Role, run.Variant, run.Seed, teacher, options, validation, run.Title);
            if (run.Role == TrainingRole.Teacher)
            {
                teacherWeights[RunIdentity.Key(run.Config, TrainingRole.Teacher, run.Seed)] = record.Checkpoint!;
            }
            store.AddSweepRun(sweepId, record.Id, run.Label, run.AxisValues);
            if (!finishedBefore)
            {
                trained++;
                var seconds = store.Timings(record.Id).Sum(t => t.Seconds);
                if (!measured.TryGetValue(Shape(run), out var list))
                {
                    measured[Shape(run)] = list = [];
                }
                list.Add(seconds);
                var left = toTrain.Skip(trained).Select(r => Estimate(store, r, measured)).ToList();
                log($"sweep {sweep.Name}: {trained} of {toTrain.Count} trained{Minutes(left, "left")}");
            }
            else
            {
                reused++;
            }
        }
        var (rows, classNames) = Rows(store, sweepId, RowLabels(sweep));
        return new SweepResult(sweep, sweepId, rows, classNames, notes, trained, reused, clock.Elapsed.TotalSeconds);
    }

    // The plan and nothing else: what would be trained and what reused, read from the store if the workspace has one (a
    // dry run leaves no file behind and renders no data).
    private static SweepResult ShowPlan(Sweep sweep, IReadOnlyList<SweepPoint> points, List<PlannedRun> plan, SweepOptions options, Action<string> log, Stopwatch clock)
    {
        var path = Path.Combine(options.Workspace, ResultStore.FileName);
        using var store = File.Exists(path) ? ResultStore.OpenExisting(path) : null;
        var toTrain = store is null ? plan : plan.Where(r => Finished(store, r) is null).ToList();
        log(PlanLine(sweep, points, plan, toTrain, store is null ? toTrain.Select(_ => (double?)null).ToList() : toTrain.Select(r => Estimate(store, r, null)).ToList()));
        foreach (var run in plan)
        {
            log($"  {(toTrain.Contains(run) ? "to train" : "reused  ")}  {run.Title}");
        }
        return new SweepResult(sweep, 0, [], [], [], 0, plan.Count - toTrain.Count, clock.Elapsed.TotalSeconds);
    }

    private static string PlanLine(Sweep sweep, IReadOnlyList<SweepPoint> points, List<PlannedRun> plan, List<PlannedRun> toTrain, IReadOnlyList<double?> estimates) =>
        string.Create(CultureInfo.InvariantCulture,
            $"sweep {sweep.Name} on {sweep.Base.Name}: {points.Count} points × {sweep.TrainedSeeds.Count} seeds and {plan.Count(r => r.Role == TrainingRole.Teacher)} teachers = {plan.Count} runs; ") +
        string.Create(CultureInfo.InvariantCulture, $"{plan.Count - toTrain.Count} reused, {toTrain.Count} to train{Minutes(estimates)}");

    /// <summary>
    /// The rows of a sweep as the store holds them: for each teacher and point the latest finished run of every seed it
    /// recorded, as mean ± std. Points no run finished are left out.
    /// </summary>
    /// <param name="store">The results store.</param>
    /// <param name="sweepId">The sweep's id in it.</param>
    /// <param name="rowLabels">The rows' labels in table order (<see cref="RowLabels"/>); a row the store holds under
    /// another label (a sweep recorded by an older weclick) follows them.</param>
    public static (IReadOnlyList<SweepRow> Rows, IReadOnlyList<string> ClassNames) Rows(ResultStore store, long sweepId, IReadOnlyList<string> rowLabels)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rowLabels);
        var members = store.SweepRuns(sweepId).Where(m => m.Run.Status == RunStatus.Finished).ToList();
        var order = rowLabels.Concat(members.Select(m => m.Point)).Distinct().ToList();
        var rows = new List<SweepRow>();
        IReadOnlyList<string> classNames = [];
        foreach (var label in order)
        {
            var runs = members.Where(m => m.Point == label).GroupBy(m => m.Run.Seed).Select(g => g.Last()).OrderBy(m => m.Run.Seed).ToList();
            if (runs.Count == 0)
            {
                continue;
            }
            var finals = runs.Select(m => store.FinalMetrics(m.Run.Id)).ToList();
            var classes = runs.Select(m => store.PerClassIoU(m.Run.Id)).ToList();
            if (classNames.Count == 0 && classes[0].Count > 0)
            {
                classNames = classes[0].Select(c => c.ClassName).ToArray();
            }
            var perClass = Enumerable.Range(0, classNames.Count).Select(c =>
            {
                var values = classes.Select(list => list.FirstOrDefault(x => x.ClassIndex == c)?.IoU).OfType<double>().ToList();
                return values.Count > 0 ? values.Average() : double.NaN;
            }).ToArray();
            var consistency = finals.Select(f => f.GetValueOrDefault("temporalConsistency", double.NaN)).ToArray();
            var first = runs[0].Run;
            var identity = ConfigFile.FromJson(first.ConfigJson, $"run {first.Id}");
            var model = first.Role == TrainingRole.Teacher ? identity.Teacher.Name : identity.Student.Name;
            rows.Add(new SweepRow(label, first.Role, first.Variant, model, runs[0].AxisValues.ToArray(), runs.Select(m => m.Run.Seed).ToArray(),
                SeedSummary.Of(finals.Select(f => f["mIoU"])), SeedSummary.Of(finals.Select(f => f["mPA"])),
                consistency.All(double.IsFinite) ? SeedSummary.Of(consistency) : null, perClass, runs.Select(m => m.Run.Id).ToArray(), first.Checkpoint));
        }
        return (rows, classNames);
    }

    /// <summary>The labels of a sweep's rows in table order: its teachers (the dense one first), then its points. Needs no
    /// file on disk, so a stored sweep's rows are read in order from its definition alone.</summary>
    public static IReadOnlyList<string> RowLabels(Sweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = sweep.Expand();
        return Plan(sweep, points).Where(r => r.Role == TrainingRole.Teacher).Select(r => r.Label).Concat(points.Select(p => p.Label)).ToArray();
    }

    /// <summary>The teachers a sweep trains, each once, with its row label and config (the dense upper bound's first, when
    /// the sweep has one): what an experiment profiles beside its students.</summary>
    public static IReadOnlyList<(string Label, ExperimentConfig Config)> Teachers(Sweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return Plan(sweep, sweep.Expand()).Where(r => r.Role == TrainingRole.Teacher).Select(r => (r.Label, r.Config)).ToArray();
    }

    // Teachers first (each distinct teacher once, the dense one too when asked), then every point for every seed, seed-major
    // (so an interrupted sweep has whole seeds done).
    private static List<PlannedRun> Plan(Sweep sweep, IReadOnlyList<SweepPoint> points)
    {
        var seeds = sweep.TrainedSeeds;
        var teacherSeed = sweep.Base.Seeds[0];
        var plan = new List<PlannedRun>();
        if (sweep.DenseTeacher)
        {
            var dense = TrainingSchemes.TeacherConfig(sweep.Base with { Loss = TrainingSchemes.DenseLoss(sweep.Base.Loss) });
            plan.Add(new PlannedRun(RunLayout.TeacherLabel("dense"), [], TrainingRole.Teacher, "dense", teacherSeed, dense, null));
        }
        var teachers = points.Where(p => p.NeedsTeacher)
            .Select(p => (Point: p, Key: RunIdentity.Key(p.TeacherConfig, TrainingRole.Teacher, teacherSeed)))
            .DistinctBy(t => t.Key).ToList();
        // Several teachers: named by their network where that tells them apart (Table 4), else by the first point they serve.
        var byModel = teachers.Select(t => t.Point.Config.Teacher.Name).Distinct().Count() == teachers.Count;
        foreach (var (point, _) in teachers)
        {
            var label = RunLayout.TeacherLabel("weakly", teachers.Count == 1 ? null : byModel ? point.Config.Teacher.Name : point.Label);
            plan.Add(new PlannedRun(label, [], TrainingRole.Teacher, "weakly", teacherSeed, point.TeacherConfig, null));
        }
        foreach (var seed in seeds)
        {
            foreach (var point in points)
            {
                var teacherKey = point.NeedsTeacher ? RunIdentity.Key(point.TeacherConfig, TrainingRole.Teacher, teacherSeed) : null;
                plan.Add(new PlannedRun(point.Label, point.AxisValues, TrainingRole.Student, point.Variant, seed, point.Config, teacherKey));
            }
        }
        return plan;
    }

    // The finished run of the plan's identity, role, variant and seed whose weights exist, or null.
    private static RunRecord? Finished(ResultStore store, PlannedRun run) => RecordedTraining.FinishedRun(store, run.Config, run.Role, run.Variant, run.Seed);

    // Seconds a run will take: the median of this call's runs of the same shape (role, scheme, network, frames per clip)
    // once one finished; before that, the median recorded time (training, evaluation, TC) of the store's finished runs of the
    // same config name, role and scheme, else of the same role; null before any such run finished.
    private static double? Estimate(ResultStore store, PlannedRun run, Dictionary<string, List<double>>? measured)
    {
        if (measured is not null && measured.TryGetValue(Shape(run), out var mine) && mine.Count > 0)
        {
            return mine.Order().ElementAt(mine.Count / 2);
        }
        var same = store.Runs(new RunFilter(run.Config.Name, run.Role, run.Variant, RunStatus.Finished));
        if (same.Count == 0)
        {
            same = store.Runs(new RunFilter(run.Config.Name, run.Role, null, RunStatus.Finished));
        }
        var seconds = same.TakeLast(9).Select(r => store.Timings(r.Id).Sum(t => t.Seconds)).Where(s => s > 0).Order().ToList();
        return seconds.Count == 0 ? null : seconds[seconds.Count / 2];
    }

    // What a run's time depends on most: its role, scheme, network and the frames its clips load.
    private static string Shape(PlannedRun run)
    {
        var model = run.Role == TrainingRole.Teacher ? run.Config.Teacher : run.Config.Student;
        var frames = run.Role == TrainingRole.Teacher ? 1 : ExperimentTraining.StudentFrames(run.Config);
        return FormattableString.Invariant($"{run.Role}|{run.Variant}|{model.Name}|{model.WidthMultiplier}|{frames}");
    }

    private static string Minutes(IReadOnlyList<double?> estimates, string what = "estimated")
    {
        if (estimates.Count == 0)
        {
            return "";
        }
        var known = estimates.Where(e => e is not null).Select(e => e!.Value).ToList();
        if (known.Count == 0)
        {
            return "; no time estimate until a run of this config finishes";
        }
        // Runs without an estimate of their own count as the median of the known ones.
        var median = known.Order().ElementAt(known.Count / 2);
        var total = known.Sum() + (estimates.Count - known.Count) * median;
        return total < 90
            ? string.Create(CultureInfo.InvariantCulture, $"; about {total:F0} s {what}")
            : string.Create(CultureInfo.InvariantCulture, $"; about {total / 60:F0} min {what}");
    }
}
