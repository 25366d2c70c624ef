using Microsoft.Data.Analysis;

namespace WeClick.Experiments;

/// <summary>
/// The results store (<see cref="ResultStore"/>) read out as Microsoft.Data.Analysis DataFrames, to compute with in a
/// notebook: <see cref="Runs"/> (one row per run, its final metrics as columns), <see cref="Epochs(ResultStore, long[])"/>
/// (one row per logged epoch, its metrics as columns), <see cref="ClassIoU(ResultStore, long[])"/> (one row per run and
/// class), <see cref="Sweep(ResultStore, long)"/> (one row per finished run of a sweep, its axis values as columns) and
/// <see cref="SweepRows(ResultStore, long)"/> (a sweep's table: one row per point, mean and std over seeds). Group and
/// average any of them with <see cref="FrameStatistics.MeanStd"/>.
/// </summary>
/// <remarks>
/// Every frame reads through the store's query methods (and the sweep frames through <see cref="SweepExport"/>, so a frame
/// and <c>weclick runs export</c>'s CSV hold the same cells). Metrics are fractions in 0..1 as the store holds them. Column
/// types: ids <c>long</c>, seeds, epochs and class indices <c>int</c>, steps <c>long</c>, metrics <c>double</c>, times
/// <c>DateTime</c> (UTC), everything else <c>string</c> (roles and statuses lower-case, as the store writes them). A value
/// a run did not record is null.
/// </remarks>
public static class ResultFrames
{
    /// <summary>
    /// One row per run matching <paramref name="filter"/> (every run by default), in id order: <c>run</c>, <c>experiment</c>,
    /// <c>role</c>, <c>variant</c>, <c>seed</c>, <c>status</c>, <c>started</c>, <c>ended</c> (null while running),
    /// <c>seconds</c> (wall time, null while running), <c>config_key</c> (<see cref="ResultStore.ConfigKey"/>: equal for the
    /// seeds of one setting), <c>checkpoint</c>, <c>message</c>, then each final metric any of the runs logged (name order;
    /// null where a run lacks it).
    /// </summary>
    /// <example><c>FrameStatistics.MeanStd(ResultFrames.Runs(store, new RunFilter(Status: RunStatus.Finished)), ["role", "variant", "config_key"], ["mIoU"])</c>
    /// gives <see cref="ResultStore.Summaries"/>' numbers.</example>
    public static DataFrame Runs(ResultStore store, RunFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var runs = store.Runs(filter);
        var finals = runs.Select(r => store.FinalMetrics(r.Id)).ToArray();
        var names = finals.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal);
        var columns = new List<DataFrameColumn>
        {
            new Int64DataFrameColumn("run", runs.Select(r => r.Id)),
            new StringDataFrameColumn("experiment", runs.Select(r => r.Experiment)),
            new StringDataFrameColumn("role", runs.Select(r => Role(r))),
            new StringDataFrameColumn("variant", runs.Select(r => r.Variant)),
            new Int32DataFrameColumn("seed", runs.Select(r => r.Seed)),
            new StringDataFrameColumn("status", runs.Select(r => r.Status.ToString().ToLowerInvariant())),
            new DateTimeDataFrameColumn("started", runs.Select(r => (DateTime?)r.Started.UtcDateTime)),
            new DateTimeDataFrameColumn("ended", runs.Select(r => r.Ended?.UtcDateTime)),
            new DoubleDataFrameColumn("seconds", runs.Select(r => r.Ended is { } end ? (end - r.Started).TotalSeconds : (double?)null)),
            new StringDataFrameColumn("config_key", runs.Select(r => ResultStore.ConfigKey(r.ConfigJson))),
            new StringDataFrameColumn("checkpoint", runs.Select(r => r.Checkpoint)),
            new StringDataFrameColumn("message", runs.Select(r => r.Message)),
        };
        columns.AddRange(names.Select(n => new DoubleDataFrameColumn(n, finals.Select(f => f.TryGetValue(n, out var v) ? v : (double?)null))));
        return new DataFrame(columns);
    }

    /// <summary>
    /// The per-epoch metrics of the runs <paramref name="runIds"/> (in that order), pivoted: one row per run and logged
    /// (epoch, step), with <c>run</c>, <c>role</c>, <c>variant</c>, <c>seed</c>, <c>epoch</c>, <c>step</c>, then one column
    /// per metric name any of them logged (name order; null where a row lacks it; a metric logged twice at one step keeps
    /// its last value).
    /// </summary>
    /// <exception cref="ArgumentException">No run ids, or an id the store does not hold (named).</exception>
    public static DataFrame Epochs(ResultStore store, params long[] runIds) => Epochs(store, Resolve(store, runIds));

    /// <summary>The per-epoch metrics, as <see cref="Epochs(ResultStore, long[])"/>, of every run matching <paramref name="filter"/>
    /// (<c>new RunFilter()</c>: every run).</summary>
    public static DataFrame Epochs(ResultStore store, RunFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        return Epochs(store, store.Runs(filter));
    }

    /// <summary>
    /// The per-class IoU of the runs <paramref name="runIds"/> (in that order), one row per run and class: <c>run</c>,
    /// <c>role</c>, <c>variant</c>, <c>seed</c>, <c>class_index</c>, <c>class</c>, <c>IoU</c> (null where the class is absent
    /// from the split and never predicted). Long rather than one column per class, so runs of different class sets stack,
    /// and <c>MeanStd(frame, ["variant", "class"], ["IoU"])</c> averages over seeds.
    /// </summary>
    /// <exception cref="ArgumentException">No run ids, or an id the store does not hold (named).</exception>
    public static DataFrame ClassIoU(ResultStore store, params long[] runIds) => ClassIoU(store, Resolve(store, runIds));

    /// <summary>The per-class IoU, as <see cref="ClassIoU(ResultStore, long[])"/>, of every run matching <paramref name="filter"/>.</summary>
    public static DataFrame ClassIoU(ResultStore store, RunFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        return ClassIoU(store, store.Runs(filter));
    }

    /// <summary>
    /// One row per finished run of the store's sweep <paramref name="sweepId"/>: <c>sweep</c>, <c>config</c> (the preset it
    /// ran on), <c>row</c> (its point or teacher), <c>role</c>, <c>variant</c>, <c>seed</c>, <c>run</c>, one string column
    /// per axis (null for teachers), <c>mIoU</c>, <c>mPA</c>, <c>TC</c> (null where not measured) and <c>IoU_&lt;class&gt;</c>
    /// per class: <see cref="SweepExport.RunsCsv(ResultStore, long)"/>'s columns, typed.
    /// </summary>
    /// <exception cref="ArgumentException">The store has no sweep of that id.</exception>
    public static DataFrame Sweep(ResultStore store, long sweepId) => SweepRuns(store, [sweepId]);

    /// <summary>
    /// The finished runs, as <see cref="Sweep(ResultStore, long)"/>, of every sweep of the experiment <paramref name="name"/>
    /// (<c>table2</c>, …; each preset it ran on is a sweep), or only its sweep on the preset <paramref name="config"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No such sweep in the store (the message lists those it has), or its sweeps have
    /// different columns (two presets' classes): pass <paramref name="config"/>.</exception>
    public static DataFrame Sweep(ResultStore store, string name, string? config = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var ids = store.Sweeps(name).Where(s => config is null || s.Experiment == config).Select(s => s.Id).ToArray();
        if (ids.Length == 0)
        {
            var held = store.Sweeps().Select(s => $"{s.Name} on {s.Experiment}").Distinct();
            throw new ArgumentException($"{store.Path}: no sweep '{name}'{(config is null ? "" : $" on config '{config}'")}; it holds: {string.Join(", ", held.DefaultIfEmpty("none"))}.", nameof(name));
        }
        return SweepRuns(store, ids);
    }

    /// <summary>
    /// The table of the store's sweep <paramref name="sweepId"/> (what its report and <c>weclick runs compare</c> show): one
    /// row per teacher and point with a finished run, <c>row</c>, <c>role</c>, <c>variant</c>, <c>model</c>, one column per
    /// axis, <c>seeds</c> (<c>"0 1 2"</c>), then <c>mIoU_mean</c>, <c>mIoU_std</c>, <c>mPA_mean</c>, <c>mPA_std</c>,
    /// <c>TC_mean</c>, <c>TC_std</c> over seeds (sample std, 0 for one seed, as <see cref="SeedSummary"/>) and the mean
    /// <c>IoU_&lt;class&gt;</c> per class: <see cref="SweepExport.RowsCsv"/>'s columns, typed.
    /// </summary>
    /// <exception cref="ArgumentException">The store has no sweep of that id.</exception>
    public static DataFrame SweepRows(ResultStore store, long sweepId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = store.Sweeps().FirstOrDefault(s => s.Id == sweepId)
            ?? throw new ArgumentException($"{store.Path}: no sweep {sweepId} (ResultFrames.Sweeps lists them).", nameof(sweepId));
        var sweep = Experiments.Sweep.FromDefinition(record.Definition);
        var (rows, classes) = SweepRunner.Rows(store, sweepId, SweepRunner.RowLabels(sweep));
        return SweepRows(sweep, rows, classes);
    }

    /// <summary>The table of a sweep just run (<see cref="SweepRunner.Run"/>), as <see cref="SweepRows(ResultStore, long)"/>.</summary>
    public static DataFrame SweepRows(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return SweepRows(result.Sweep, result.Rows, result.ClassNames);
    }

    /// <summary>The sweeps in the store, oldest first: <c>sweep</c> (its id), <c>name</c>, <c>config</c>, <c>key</c>,
    /// <c>runs</c>, <c>created</c>.</summary>
    public static DataFrame Sweeps(ResultStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var sweeps = store.Sweeps();
        return new DataFrame(
            new Int64DataFrameColumn("sweep", sweeps.Select(s => s.Id)),
            new StringDataFrameColumn("name", sweeps.Select(s => s.Name)),
            new StringDataFrameColumn("config", sweeps.Select(s => s.Experiment)),
            new StringDataFrameColumn("key", sweeps.Select(s => s.Key)),
            new Int32DataFrameColumn("runs", sweeps.Select(s => s.Runs)),
            new DateTimeDataFrameColumn("created", sweeps.Select(s => (DateTime?)s.Created.UtcDateTime)));
    }

    private static DataFrame Epochs(ResultStore store, IReadOnlyList<RunRecord> runs)
    {
        var rows = runs.SelectMany(run => store.EpochMetrics(run.Id).GroupBy(m => (m.Epoch, m.Step)).OrderBy(g => g.Key.Epoch).ThenBy(g => g.Key.Step)
            .Select(g => (Run: run, g.Key.Epoch, g.Key.Step, Values: g.GroupBy(m => m.Name).ToDictionary(x => x.Key, x => x.Last().Value)))).ToArray();
        var names = rows.SelectMany(r => r.Values.Keys).Distinct().Order(StringComparer.Ordinal);
        var columns = new List<DataFrameColumn>
        {
            new Int64DataFrameColumn("run", rows.Select(r => r.Run.Id)),
            new StringDataFrameColumn("role", rows.Select(r => Role(r.Run))),
            new StringDataFrameColumn("variant", rows.Select(r => r.Run.Variant)),
            new Int32DataFrameColumn("seed", rows.Select(r => r.Run.Seed)),
            new Int32DataFrameColumn("epoch", rows.Select(r => r.Epoch)),
            new Int64DataFrameColumn("step", rows.Select(r => r.Step)),
        };
        columns.AddRange(names.Select(n => new DoubleDataFrameColumn(n, rows.Select(r => r.Values.TryGetValue(n, out var v) ? v : (double?)null))));
        return new DataFrame(columns);
    }

    private static DataFrame ClassIoU(ResultStore store, IReadOnlyList<RunRecord> runs)
    {
        var rows = runs.SelectMany(run => store.PerClassIoU(run.Id).Select(c => (Run: run, Class: c))).ToArray();
        return new DataFrame(
            new Int64DataFrameColumn("run", rows.Select(r => r.Run.Id)),
            new StringDataFrameColumn("role", rows.Select(r => Role(r.Run))),
            new StringDataFrameColumn("variant", rows.Select(r => r.Run.Variant)),
            new Int32DataFrameColumn("seed", rows.Select(r => r.Run.Seed)),
            new Int32DataFrameColumn("class_index", rows.Select(r => r.Class.ClassIndex)),
            new StringDataFrameColumn("class", rows.Select(r => r.Class.ClassName)),
            new DoubleDataFrameColumn("IoU", rows.Select(r => r.Class.IoU)));
    }

    private static DataFrame SweepRuns(ResultStore store, IReadOnlyList<long> sweepIds)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (header, lines) = SweepExport.RunsTable(store, sweepIds);
        // sweep, config, row, role, variant, seed, run, the axes (labels), then mIoU, mPA, TC and IoU_<class> (numbers).
        var firstMetric = header.IndexOf("mIoU");
        return FrameColumns.Frame(header, lines, c => c == 5 ? typeof(int) : c == 6 ? typeof(long) : c >= firstMetric ? typeof(double) : typeof(string));
    }

    private static DataFrame SweepRows(Sweep sweep, IReadOnlyList<SweepRow> rows, IReadOnlyList<string> classNames)
    {
        var (header, lines) = SweepExport.RowsTable(sweep, rows, classNames);
        // row, role, variant, model, the axes, seeds (labels), then mIoU_mean … TC_std and IoU_<class> (numbers).
        var firstMetric = header.IndexOf("mIoU_mean");
        return FrameColumns.Frame(header, lines, c => c >= firstMetric ? typeof(double) : typeof(string));
    }

    private static List<RunRecord> Resolve(ResultStore store, long[] runIds)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runIds);
        if (runIds.Length == 0)
        {
            throw new ArgumentException("Give the runs' ids (the run column of ResultFrames.Runs), or a RunFilter (new RunFilter() for every run).", nameof(runIds));
        }
        var runs = store.Runs().ToDictionary(r => r.Id);
        return runIds.Select(id => runs.TryGetValue(id, out var run) ? run
            : throw new ArgumentException($"{store.Path}: no run {id} (ResultFrames.Runs lists them).", nameof(runIds))).ToList();
    }

    private static string Role(RunRecord run) => run.Role.ToString().ToLowerInvariant();
}
