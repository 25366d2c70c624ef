namespace WeClick.Evaluation;

/// <summary>The outcome of <see cref="Evaluator.Evaluate"/> on one split.</summary>
/// <param name="Dataset">The dataset's name ("cityscapes/val").</param>
/// <param name="Metrics">mIoU, mPA, pixel accuracy and per-class values of <paramref name="Confusion"/>.</param>
/// <param name="Confusion">The accumulated pixel confusion matrix (void pixels left out).</param>
/// <param name="Frames">Labelled frames evaluated.</param>
/// <param name="Elapsed">Wall time of the whole evaluation (reading included).</param>
public sealed record EvaluationResult(string Dataset, SegmentationMetrics Metrics, ConfusionMatrix Confusion, int Frames, TimeSpan Elapsed)
{
}

