namespace WeClick.Evaluation;

/// <summary>The agreement of one pair of consecutive predictions after warping.</summary>
/// <param name="Agreeing">Counted pixels whose warped previous label equals the current label.</param>
/// <param name="Counted">Pixels counted (inside the frame, valid, neither label void).</param>
public readonly record struct PairAgreement(long Agreeing, long Counted)
{
    /// <summary>Agreeing over counted pixels; NaN when nothing was counted.</summary>
    public double Fraction => Counted == 0 ? double.NaN : (double)Agreeing / Counted;
}

/// <summary>Temporal consistency over a sequence (<see cref="TemporalConsistency"/>).</summary>
/// <param name="Pairs">One entry per consecutive pair (t − 1, t), t = 1..T − 1.</param>
public sealed record TemporalConsistencyResult(IReadOnlyList<PairAgreement> Pairs)
{
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
