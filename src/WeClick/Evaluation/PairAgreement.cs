namespace WeClick.Evaluation;

/// <summary>The agreement of one pair of consecutive predictions after warping.</summary>
/// <param name="Agreeing">Counted pixels whose warped previous label equals the current label.</param>
/// <param name="Counted">Pixels counted (inside the frame, valid, neither label void).</param>
public readonly record struct PairAgreement(long Agreeing, long Counted)
{
    /// <summary>Agreeing over counted pixels; NaN when nothing was counted.</summary>
    public double Fraction => Counted == 0 ? double.NaN : (double)Agreeing / Counted;
}
