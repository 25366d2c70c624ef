namespace WeClick.Evaluation;

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
