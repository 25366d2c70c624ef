namespace WeClick.Losses;

/// <summary>
/// Weights of the total WeClick loss (WeClick §3.4, Eq. 5, and Eq. 2; algorithms.md A11): α = β = γ = 1, λ = 0.1.
/// A weight of 0 switches its term off: it is then not computed at all and does not appear in the parts.
/// </summary>
/// <param name="Alpha">α, weight of weakly = pCE + λ·GatedCRF.</param>
/// <param name="Beta">β, weight of Σ_f MFD over the neighbours.</param>
/// <param name="Gamma">γ, weight of Σ_f KD over the frames <paramref name="KdFrames"/> names.</param>
/// <param name="Lambda">λ, weight of the Gated CRF term inside weakly (Eq. 2; 0.1 "following [40]").</param>
/// <param name="Distillation">KD settings (null: defaults).</param>
/// <param name="MemoryFlow">MFD settings (null: defaults).</param>
/// <param name="KdFrames">The frames KD distils: every input frame (Eq. 5's Σ_{f=k−n+1..k}, the default) or the target alone.</param>
/// <param name="Supervision">What the α-term learns from: clicks (weakly, the default) or dense labels (plain cross-entropy,
/// no Gated CRF: the upper bound).</param>
public sealed record WeClickLossSettings(double Alpha = 1.0, double Beta = 1.0, double Gamma = 1.0, double Lambda = 0.1,
    DistillationSettings? Distillation = null, MemoryFlowDistillationSettings? MemoryFlow = null, KdFrames KdFrames = KdFrames.All,
    Supervision Supervision = Supervision.Clicks)
{
    /// <summary>Throws when a weight is negative or not finite, or the KD frames or the supervision are unknown.</summary>
    /// <exception cref="ArgumentException">A weight is negative, NaN or infinite, or <see cref="KdFrames"/> is not a
    /// member (the message names it).</exception>
    public WeClickLossSettings Validate()
    {
        if (!Enum.IsDefined(KdFrames))
        {
            throw new ArgumentException($"WeClickLossSettings.KdFrames must be All or Target, got {(int)KdFrames}.", nameof(KdFrames));
        }
        if (!Enum.IsDefined(Supervision))
        {
            throw new ArgumentException($"WeClickLossSettings.Supervision must be Clicks or Dense, got {(int)Supervision}.", nameof(Supervision));
        }
        Check(Alpha, nameof(Alpha));
        Check(Beta, nameof(Beta));
        Check(Gamma, nameof(Gamma));
        Check(Lambda, nameof(Lambda));
        Distillation?.Validate();
        MemoryFlow?.Validate();
        return this;
    }

    private static void Check(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentException($"WeClickLossSettings.{name} must be finite and >= 0, got {value}.", name);
        }
    }
}
