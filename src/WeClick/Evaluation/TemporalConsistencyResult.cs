namespace WeClick.Evaluation;

/// <summary>Temporal consistency over a sequence (<see cref="TemporalConsistency"/>).</summary>
/// <param name="Pairs">One entry per consecutive pair (t − 1, t), t = 1..T − 1.</param>
/// <param name="FrameGaps">Per pair, how many video frames apart its two frames are (1 = adjacent), where known (a split's
/// frame indices, <see cref="TemporalConsistency.MeasureSplit"/>); null for a bare list of frames.</param>
public sealed record TemporalConsistencyResult(IReadOnlyList<PairAgreement> Pairs, IReadOnlyList<int>? FrameGaps = null)
{
    /// <summary>The distinct frame gaps of the pairs, ascending (empty where unknown).</summary>
    public IReadOnlyList<int> DistinctGaps => FrameGaps?.Distinct().Order().ToArray() ?? [];

    /// <summary>The mean of the pairs' fractions (pairs with nothing counted left out); NaN when there is none.</summary>
    public double MeanAgreement
    {
        get
        {
            var defined = Pairs.Select(p => p.Fraction).Where(f => !double.IsNaN(f)).ToArray();
            return defined.Length == 0 ? double.NaN : defined.Average();
        }
    }
}
