using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// One row of a sweep's table, read back from the results store: a point (or a teacher the sweep trained) with its
/// metrics as mean ± std over the seeds it finished.
/// </summary>
/// <param name="Label">The point's label (<see cref="SweepPoint.Label"/>), or <c>teacher weakly</c> / <c>teacher dense</c>.</param>
/// <param name="Role">Teacher or student.</param>
/// <param name="Variant">The Table 1 scheme of its loss (<c>weakly+KD+MFD</c>, <c>dense</c>, …).</param>
/// <param name="Model">The network's catalogue name.</param>
/// <param name="AxisValues">Axis name → value label (empty for teachers).</param>
/// <param name="Seeds">The seeds it finished, in order.</param>
/// <param name="MeanIoU">mIoU (0–1), mean ± std over the seeds.</param>
/// <param name="MeanPixelAccuracy">mPA (0–1).</param>
/// <param name="TemporalConsistency">TC (0–1), where every seed measured it.</param>
/// <param name="PerClassIoU">IoU per class (0–1), mean over the seeds; NaN for a class no seed saw.</param>
/// <param name="Runs">The store's run ids, one per seed.</param>
/// <param name="Weights">The selected weights of its first seed's run.</param>
public sealed record SweepRow(string Label, TrainingRole Role, string Variant, string Model, IReadOnlyList<KeyValuePair<string, string>> AxisValues,
    IReadOnlyList<int> Seeds, SeedSummary MeanIoU, SeedSummary MeanPixelAccuracy, SeedSummary? TemporalConsistency, IReadOnlyList<double> PerClassIoU,
    IReadOnlyList<long> Runs, string? Weights)
{
    /// <summary>The value of axis <paramref name="axis"/> in this row, or null (teachers, other axes).</summary>
    public string? ValueOf(string axis) => AxisValues.FirstOrDefault(p => p.Key == axis).Value;
}
