namespace WeClick.Losses;

/// <summary>Settings of <see cref="MemoryFlowDistillationLoss"/> (WeClick §3.3, Eq. 3; algorithms.md §4.3, A1, A4).</summary>
/// <param name="Weight">Sign of W_f (default <see cref="ConsistencyWeight.Decreasing"/>, A1).</param>
/// <param name="PerPixelWeight">False (default): W_f per element, W(i, c) = exp(∓|Δ(i, c)|), the literal |·| and ⊙ of
/// Eq. 3. True: one weight per pixel, W(i) = exp(∓Σ_c |Δ(i, c)|).</param>
/// <param name="DetachNeighbour">False (default): gradients flow into the warped neighbour prediction ŷS_f (it is a
/// student prediction, as the paper implies; ETC does not detach). True: stop-gradient on it (LAI).</param>
public sealed record MemoryFlowDistillationSettings(ConsistencyWeight Weight = ConsistencyWeight.Decreasing,
    bool PerPixelWeight = false, bool DetachNeighbour = false)
{
    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">Weight is undefined.</exception>
    public MemoryFlowDistillationSettings Validate()
    {
        if (!Enum.IsDefined(Weight))
        {
            throw new ArgumentException($"MemoryFlowDistillationSettings.Weight: undefined value {(int)Weight}.", nameof(Weight));
        }
        return this;
    }
}
