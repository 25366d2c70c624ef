namespace WeClick.Evaluation;

/// <summary>
/// Segmentation metrics of a confusion matrix (rows = ground truth g, columns = prediction p; void pixels already left
/// out). For class c with TP = M[c, c], GT = Σ_p M[c, p] (its ground-truth pixels) and P = Σ_g M[g, c] (its predicted pixels):
/// <code>
///   IoU_c      = TP / (GT + P − TP)      NaN when GT + P − TP = 0 (the class is neither in the ground truth nor predicted)
///   Accuracy_c = TP / GT                 NaN when GT = 0 (the class is absent from the ground truth)
///   mIoU = mean of the IoU_c that are not NaN;   mPA = mean of the Accuracy_c that are not NaN
///   PixelAccuracy = Σ_c TP / Σ M         NaN when no pixel was counted
/// </code>
/// </summary>
/// <remarks>
/// Classes absent from a split: a class with no ground-truth pixel and no predicted pixel has IoU NaN and does not
/// enter mIoU; a class with no ground-truth pixel but some predicted pixels has IoU 0 and does enter mIoU (its false
/// positives are penalised). This is mmsegmentation's <c>total_area_intersect / total_area_union</c> with
/// <c>np.nanmean</c> and the Cityscapes script's <c>getIouScoreForLabel</c> (NaN when tp + fp + fn = 0). Its accuracy is
/// NaN in both cases and does not enter mPA (mmsegmentation's per-class <c>Acc</c>). With nothing counted at all (an
/// all-void split) every value is NaN.
/// </remarks>
/// <param name="ClassNames">Class names, index = class.</param>
/// <param name="PixelAccuracy">Correct pixels over counted pixels.</param>
/// <param name="MeanPixelAccuracy">mPA: the mean per-class accuracy over classes present in the ground truth.</param>
/// <param name="MeanIoU">mIoU: the mean per-class IoU over classes with a defined IoU.</param>
/// <param name="PerClassIoU">IoU per class (NaN where undefined).</param>
/// <param name="PerClassAccuracy">Accuracy (recall) per class (NaN where undefined).</param>
/// <param name="Pixels">Counted (non-void) pixels.</param>
public sealed record SegmentationMetrics(
    IReadOnlyList<string> ClassNames,
    double PixelAccuracy,
    double MeanPixelAccuracy,
    double MeanIoU,
    IReadOnlyList<double> PerClassIoU,
    IReadOnlyList<double> PerClassAccuracy,
    long Pixels)
{

    /// <summary>The metrics of a [C, C] count matrix (rows = ground truth, columns = prediction).</summary>
    /// <exception cref="ArgumentException">The matrix is not square, has a negative count, or the names do not match its size.</exception>
    public static SegmentationMetrics FromCounts(long[,] counts, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(classNames);
        var classes = counts.GetLength(0);
        if (counts.GetLength(1) != classes || classes == 0)
        {
            throw new ArgumentException($"A confusion matrix must be square and non-empty, got {counts.GetLength(0)}×{counts.GetLength(1)}.", nameof(counts));
        }
        if (classNames.Count != classes)
        {
            throw new ArgumentException($"{classNames.Count} class names given for a {classes}-class confusion matrix.", nameof(classNames));
        }
        var iou = new double[classes];
        var accuracy = new double[classes];
        long correct = 0, total = 0;
        for (var c = 0; c < classes; c++)
        {
            long truth = 0, predicted = 0;
            for (var k = 0; k < classes; k++)
            {
                if (counts[c, k] < 0)
                {
                    throw new ArgumentException($"Confusion matrix entry [{c}, {k}] is negative ({counts[c, k]}).", nameof(counts));
                }
                truth += counts[c, k];
                predicted += counts[k, c];
            }
            var tp = counts[c, c];
            var union = truth + predicted - tp;
            iou[c] = union == 0 ? double.NaN : (double)tp / union;
            accuracy[c] = truth == 0 ? double.NaN : (double)tp / truth;
            correct += tp;
            total += truth;
        }
        return new SegmentationMetrics(
            classNames.ToArray(),
            total == 0 ? double.NaN : (double)correct / total,
            NanMean(accuracy),
            NanMean(iou),
            iou,
            accuracy,
            total);
    }

    /// <summary>The mean of the values that are not NaN; NaN when all are.</summary>
    private static double NanMean(IEnumerable<double> values)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        return defined.Length == 0 ? double.NaN : defined.Average();
    }
}
