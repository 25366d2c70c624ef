using WeClick.Evaluation;
using WeClick.Experiments;

namespace WeClick.Reports;

/// <summary>
/// Display tables of one evaluation's metrics (what a displayed <see cref="SegmentationMetrics"/> shows). The results
/// store's runs, epochs, per-class IoU and sweeps are DataFrames (<see cref="ResultFrames"/>), averaged over seeds with
/// <see cref="FrameStatistics.MeanStd"/>: those are data to compute with, not fixed displays.
/// </summary>
public static class Tables
{
    /// <summary>Whether some role and variant appears with more than one config among <paramref name="summaries"/> (then a
    /// table of them needs a config column to tell its rows apart).</summary>
    public static bool HasSeveralConfigs(IEnumerable<RunGroupSummary> summaries) =>
        summaries.GroupBy(s => (s.Role, s.Variant)).Any(g => g.Count() > 1);

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
}
