using System.Globalization;
using WeClick.Evaluation;
using WeClick.Experiments;

namespace WeClick.Reports;

/// <summary>Tables of the results store's records (<see cref="ResultStore"/>) and of evaluation metrics.</summary>
public static class Tables
{
    /// <summary>One row per run: id, experiment, role, variant, seed, status, start, duration, checkpoint, message.</summary>
    public static Table Runs(IEnumerable<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new Table(
            ["id", "experiment", "role", "variant", "seed", "status", "started (UTC)", "duration", "checkpoint", "message"],
            runs.Select(r => (IReadOnlyList<object?>)
            [
                r.Id, r.Experiment, r.Role.ToString().ToLowerInvariant(), r.Variant, r.Seed, r.Status.ToString().ToLowerInvariant(),
                r.Started.ToUniversalTime(), r.Ended is { } end ? end - r.Started : null, r.Checkpoint, r.Message,
            ]));
    }

    /// <summary>
    /// One row per (role, variant) with each final metric as <c>mean ± std</c> over seeds. Metrics named in
    /// <paramref name="metrics"/> (default: every metric of any summary, in name order) become columns; fractions are
    /// shown ×<paramref name="scale"/> (100: percent) with <paramref name="decimals"/> decimals. Where one role and variant
    /// has runs of more than one config, a <c>config</c> column (<see cref="RunGroupSummary.Config"/>) tells the rows apart.
    /// </summary>
    public static Table Summaries(IEnumerable<RunGroupSummary> summaries, IReadOnlyList<string>? metrics = null, double scale = 100, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var all = summaries.ToArray();
        var names = metrics ?? all.SelectMany(s => s.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var configs = HasSeveralConfigs(all);
        return new Table(
            ["role", "variant", .. configs ? new[] { "config" } : [], "seeds", .. names],
            all.Select(s => (IReadOnlyList<object?>)
            [
                s.Role.ToString().ToLowerInvariant(), s.Variant, .. configs ? new object?[] { s.Config } : [],
                string.Join(" ", s.Seeds.Select(x => x.ToString(CultureInfo.InvariantCulture))),
                .. names.Select(n => s.Metrics.TryGetValue(n, out var m) ? m.Format(decimals, scale) : null),
            ]));
    }

    /// <summary>Whether some role and variant appears with more than one config among <paramref name="summaries"/>.</summary>
    public static bool HasSeveralConfigs(IEnumerable<RunGroupSummary> summaries) =>
        summaries.GroupBy(s => (s.Role, s.Variant)).Any(g => g.Count() > 1);

    /// <summary>Per-class IoU (percent) of several runs side by side: one row per class, one column per run; absent classes empty.</summary>
    /// <exception cref="ArgumentException">The runs list different classes.</exception>
    public static Table PerClassIoU(IReadOnlyList<(string Name, IReadOnlyList<ClassIoU> Classes)> runs, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var classes = runs.Count == 0 ? [] : runs[0].Classes.OrderBy(c => c.ClassIndex).Select(c => c.ClassName).ToArray();
        var columns = runs.Select(r =>
        {
            var ordered = r.Classes.OrderBy(c => c.ClassIndex).ToArray();
            if (!ordered.Select(c => c.ClassName).SequenceEqual(classes))
            {
                throw new ArgumentException($"Run '{r.Name}' has classes ({string.Join(", ", ordered.Select(c => c.ClassName))}) unlike '{runs[0].Name}' ({string.Join(", ", classes)}).", nameof(runs));
            }
            return ordered.Select(c => c.IoU * 100).ToArray();
        }).ToArray();
        return new Table(["class", .. runs.Select(r => r.Name)],
            classes.Select((name, i) => (IReadOnlyList<object?>)[name, .. columns.Select(c => (object?)c[i])]), decimals);
    }

    /// <summary>Per-class IoU and accuracy (percent) of one evaluation: one row per class.</summary>
    public static Table PerClassIoU(SegmentationMetrics metrics, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new Table(["class", "IoU (%)", "accuracy (%)"],
            metrics.ClassNames.Select((name, i) => (IReadOnlyList<object?>)[name, metrics.PerClassIoU[i] * 100, metrics.PerClassAccuracy[i] * 100]), decimals);
    }

    /// <summary>The summary metrics of one evaluation (percent): mIoU, mPA, pixel accuracy, and the pixel count.</summary>
    public static Table Summary(SegmentationMetrics metrics, int decimals = 2)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new Table(["metric", "value"],
        [
            ["mIoU (%)", metrics.MeanIoU * 100], ["mPA (%)", metrics.MeanPixelAccuracy * 100],
            ["pixel accuracy (%)", metrics.PixelAccuracy * 100], ["pixels", metrics.Pixels],
        ], decimals);
    }

    /// <summary>Logged training metrics pivoted: one row per (epoch, step), one column per metric name (in name order).</summary>
    public static Table EpochMetrics(IEnumerable<EpochMetric> metrics, int decimals = 4)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var all = metrics.ToArray();
        var names = all.Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
        var rows = all.GroupBy(m => (m.Epoch, m.Step)).OrderBy(g => g.Key.Epoch).ThenBy(g => g.Key.Step).Select(g =>
        {
            var byName = g.GroupBy(m => m.Name).ToDictionary(x => x.Key, x => x.Last().Value);
            return (IReadOnlyList<object?>)[g.Key.Epoch, g.Key.Step, .. names.Select(n => byName.TryGetValue(n, out var v) ? (object?)v : null)];
        });
        return new Table(["epoch", "step", .. names], rows, decimals);
    }
}
