using WeClick.Evaluation;

namespace WeClick.Experiments;

/// <summary>
/// The temporal consistency of a dataset's own label maps (<see cref="ExperimentEvaluation.MeasureGroundTruthConsistency"/>): the
/// reference the models' TC is read against. Labels that move with the scene would score 1 with a perfect flow, so what the
/// ground truth loses is the flow estimator's and the occlusion check's own error on these frames.
/// </summary>
/// <param name="Result">The pairs and their frame gaps, or null where the dataset has no labelled frames to pair.</param>
/// <param name="Description">One line: which frames were compared with which flow, or why nothing could be.</param>
public sealed record GroundTruthConsistency(TemporalConsistencyResult? Result, string Description)
{
    /// <summary>The sentence reports and <c>weclick eval</c> put beside temporal consistency: why TC is read against mIoU and
    /// the ground truth's TC.</summary>
    public const string Caveat =
        "A constant predictor scores 100 % TC, so TC alone is no evidence for MFD; read it next to mIoU, against the ground truth's TC (the flow's own error bound).";

    /// <summary>Whether the reference was measured.</summary>
    public bool Available => Result is not null;

    /// <summary>The mean over pairs of the agreeing fraction (0..1); NaN where not available.</summary>
    public double MeanAgreement => Result?.MeanAgreement ?? double.NaN;

    /// <summary>The number of pairs compared (0 where not available).</summary>
    public int PairCount => Result?.Pairs.Count ?? 0;

    /// <summary>The distinct video-frame gaps of the pairs, ascending (1 = adjacent frames).</summary>
    public IReadOnlyList<int> Gaps => Result?.DistinctGaps ?? [];

    /// <summary>A reference that could not be measured, with the reason.</summary>
    public static GroundTruthConsistency NotAvailable(string reason) => new(null, reason);
}
