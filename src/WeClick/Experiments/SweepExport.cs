using System.Text;
using WeClick.Serialization;

namespace WeClick.Experiments;

/// <summary>
/// A sweep as CSV (RFC 4180, numbers invariant), for a DataFrame, a spreadsheet or R: its rows as mean and std over seeds
/// (what the report's table shows, <c>rows.csv</c> beside each experiment report), or every finished run of it, one line
/// per seed, with the axis values as columns (<c>weclick runs export --experiment NAME</c>). Metrics are fractions in
/// 0..1, as the results store holds them.
/// </summary>
public static class SweepExport
{
    /// <summary>One line per row: its label, role, scheme, network, axis values, seeds, then mIoU, mPA and TC as mean and std
    /// (sample std, 0 for one seed; TC empty where not measured) and the mean IoU of each class.</summary>
    public static string RowsCsv(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (header, lines) = RowsTable(result.Sweep, result.Rows, result.ClassNames);
        return Csv.Write(header, lines);
    }

    // The cells RowsCsv writes, which ResultFrames.SweepRows types as a DataFrame: one reading for both.
    internal static (List<string> Header, List<IReadOnlyList<object?>> Lines) RowsTable(Sweep sweep, IReadOnlyList<SweepRow> rows, IReadOnlyList<string> classNames)
    {
        var axes = sweep.Axes.Select(a => a.Name).ToArray();
        var header = new List<string> { "row", "role", "variant", "model" };
        header.AddRange(axes);
        header.AddRange(["seeds", "mIoU_mean", "mIoU_std", "mPA_mean", "mPA_std", "TC_mean", "TC_std"]);
        header.AddRange(classNames.Select(c => "IoU_" + c));
        return (header, rows.Select(r =>
        {
            var line = new List<object?> { r.Label, r.Role.ToString().ToLowerInvariant(), r.Variant, r.Model };
            line.AddRange(axes.Select(a => (object?)r.ValueOf(a)));
            line.AddRange([string.Join(' ', r.Seeds), r.MeanIoU.Mean, r.MeanIoU.Std, r.MeanPixelAccuracy.Mean, r.MeanPixelAccuracy.Std,
                r.TemporalConsistency?.Mean, r.TemporalConsistency?.Std]);
            line.AddRange(r.PerClassIoU.Select(v => double.IsNaN(v) ? null : (object?)v));
            return (IReadOnlyList<object?>)line;
        }).ToList());
    }

    /// <summary>
    /// One line per finished run of the store's sweep <paramref name="sweepId"/>: its row (point or teacher), role, scheme,
    /// seed, run id, the value of each axis, mIoU, mPA, TC (empty where not measured) and the IoU of each class.
    /// </summary>
    /// <exception cref="ArgumentException">The store has no sweep of that id.</exception>
    public static string RunsCsv(ResultStore store, long sweepId) => RunsCsv(store, [sweepId]).Csv;

    /// <summary>
    /// The runs of several sweeps (an experiment run on several presets) under one header, as <see cref="RunsCsv(ResultStore, long)"/>
    /// writes one sweep's.
    /// </summary>
    /// <returns>The CSV text and the number of runs in it.</returns>
    /// <exception cref="ArgumentException">The store has no sweep of one of the ids, or the sweeps have different columns
    /// (another preset's classes, another definition's axes): export them one at a time.</exception>
    public static (string Csv, int Runs) RunsCsv(ResultStore store, IReadOnlyList<long> sweepIds)
    {
        var (header, lines) = RunsTable(store, sweepIds);
        return (Csv.Write(header, lines), lines.Count);
    }

    // The cells RunsCsv writes, which ResultFrames.Sweep types as a DataFrame: one reading for both.
    internal static (List<string> Header, List<IReadOnlyList<object?>> Lines) RunsTable(ResultStore store, IReadOnlyList<long> sweepIds)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sweepIds);
        ArgumentOutOfRangeException.ThrowIfZero(sweepIds.Count);
        var records = store.Sweeps();
        var tables = sweepIds.Select(id => RunLines(store, records.FirstOrDefault(s => s.Id == id)
            ?? throw new ArgumentException($"{store.Path}: no sweep {id} (weclick runs sweeps lists them).", nameof(sweepIds)))).ToList();
        if (tables.Any(t => !t.Header.SequenceEqual(tables[0].Header)))
        {
            throw new ArgumentException($"The sweeps of {tables[0].Record.Name} have different columns (configs " +
                $"{string.Join(", ", tables.Select(t => t.Record.Experiment).Distinct())}); choose one config (`--config NAME` on the command line, the `config` argument in a notebook).", nameof(sweepIds));
        }
        return (tables[0].Header, tables.SelectMany(t => t.Lines).ToList());
    }

    // One sweep's header and its finished runs' lines.
    private static (SweepRecord Record, List<string> Header, List<IReadOnlyList<object?>> Lines) RunLines(ResultStore store, SweepRecord record)
    {
        var axes = Sweep.FromDefinition(record.Definition).Axes.Select(a => a.Name).ToArray();
        var members = store.SweepRuns(record.Id).Where(m => m.Run.Status == RunStatus.Finished).ToList();
        var classes = members.Select(m => store.PerClassIoU(m.Run.Id)).FirstOrDefault(c => c.Count > 0)?.Select(c => c.ClassName).ToArray() ?? [];
        var header = new List<string> { "sweep", "config", "row", "role", "variant", "seed", "run" };
        header.AddRange(axes);
        header.AddRange(["mIoU", "mPA", "TC"]);
        header.AddRange(classes.Select(c => "IoU_" + c));
        var lines = members.Select(m =>
        {
            var metrics = store.FinalMetrics(m.Run.Id);
            var perClass = store.PerClassIoU(m.Run.Id);
            var line = new List<object?> { record.Name, record.Experiment, m.Point, m.Run.Role.ToString().ToLowerInvariant(), m.Run.Variant, m.Run.Seed, m.Run.Id };
            line.AddRange(axes.Select(a => (object?)m.AxisValues.GetValueOrDefault(a)));
            line.AddRange([metrics.GetValueOrDefault("mIoU", double.NaN), metrics.GetValueOrDefault("mPA", double.NaN),
                metrics.TryGetValue("temporalConsistency", out var tc) ? tc : null]);
            line.AddRange(classes.Select((_, c) => (object?)perClass.FirstOrDefault(x => x.ClassIndex == c)?.IoU));
            return (IReadOnlyList<object?>)line;
        }).ToList();
        return (record, header, lines);
    }

    /// <summary>Writes CSV text to <paramref name="path"/> atomically (temporary file + rename).</summary>
    public static void Write(string path, string csv)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(csv);
        var bytes = Encoding.UTF8.GetBytes(csv);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
