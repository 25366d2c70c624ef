using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>One row of the reproduction table.</summary>
/// <param name="Role">Teacher or student.</param>
/// <param name="Variant">The loss: dense (the upper bound), weakly, weakly+KD, weakly+KD+MFD.</param>
/// <param name="Model">Catalogue name.</param>
/// <param name="MeanIoU">mIoU over seeds.</param>
/// <param name="MeanPixelAccuracy">mPA over seeds.</param>
/// <param name="Seeds">Seeds averaged.</param>
/// <param name="PerClassIoU">Per-class IoU averaged over seeds (NaN where undefined).</param>
/// <param name="TemporalConsistency">Temporal consistency over seeds (<c>evaluation.temporalFrames</c>), or null when not measured.</param>
public sealed record ReproductionRow(TrainingRole Role, string Variant, string Model, SeedSummary MeanIoU, SeedSummary MeanPixelAccuracy,
    IReadOnlyList<int> Seeds, IReadOnlyList<double> PerClassIoU, SeedSummary? TemporalConsistency = null)
{
    /// <summary>How tables name the row, e.g. <c>teacher dense (deeplabv3plus-resnet18)</c>, <c>student weakly+KD (…)</c>.</summary>
    public string Label => $"{(Role == TrainingRole.Teacher ? "teacher" : "student")} {Variant} ({Model})";

    /// <summary>
    /// This row's mean mIoU as a share of the upper bound's (the dense row of the same role in <paramref name="rows"/>):
    /// what the clicks cost (the paper's Cityscapes ratio is about 0.77). Null when the table has no dense row for the role.
    /// </summary>
    public double? ShareOfDense(IReadOnlyList<ReproductionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var dense = rows.FirstOrDefault(r => r.Role == Role && r.Variant == "dense");
        return dense is null || dense.MeanIoU.Mean <= 0 ? null : MeanIoU.Mean / dense.MeanIoU.Mean;
    }
}
