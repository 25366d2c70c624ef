using WeClick.Training;

namespace WeClick.Experiments;

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
