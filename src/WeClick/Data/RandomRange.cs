namespace WeClick.Data;

/// <summary>
/// Neighbours drawn uniformly, without repetition, from a window of distances before and/or after the target,
/// anew for every clip with the caller's seeded <see cref="Random"/>. The paper's "random sampling from the 16th to
/// 19th frames" (before F, the 20th) is distances 1..4 before; "21st to 24th" is distances 1..4 after (ambiguity A8:
/// forward n = 3 draws 2 distinct frames from {F−4, …, F−1}).
/// </summary>
/// <param name="BeforeMin">Smallest distance before k (≥ 1).</param>
/// <param name="BeforeMax">Largest distance before k (≥ <paramref name="BeforeMin"/>).</param>
/// <param name="AfterMin">Smallest distance after k (≥ 1).</param>
/// <param name="AfterMax">Largest distance after k (≥ <paramref name="AfterMin"/>).</param>
public sealed record RandomRange(int BeforeMin = 1, int BeforeMax = 4, int AfterMin = 1, int AfterMax = 4) : SamplingPolicy
{
    /// <summary>The paper's setting: frames 16–19 before and 21–24 after the 20th (labelled) frame, i.e. distances 1..4 on each side.</summary>
    public static RandomRange Paper { get; } = new();
}
