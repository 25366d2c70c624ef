using WeClick.Losses;

namespace WeClick.Experiments;

/// <summary>
/// The WeClick loss (Eq. 5): α·weakly + β·Σ_f MFD + γ·Σ_f KD, weakly = pCE + λ·GatedCRF (Eq. 2). A weight of 0 switches a
/// term off (the Table 1 rows: weakly = β = γ = 0; +KD = β = 0). The teacher trains with α·weakly only.
/// </summary>
public sealed record LossConfig
{
    /// <summary>α, weight of weakly.</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>β, weight of MFD (0 = off).</summary>
    public double Beta { get; init; } = 1.0;

    /// <summary>γ, weight of KD (0 = off).</summary>
    public double Gamma { get; init; } = 1.0;

    /// <summary>λ, weight of the Gated CRF inside weakly (0.1, Eq. 2; 0 = pCE alone).</summary>
    public double Lambda { get; init; } = 0.1;

    /// <summary>Gated CRF kernels, radius and downscale.</summary>
    public GatedCrfSettings GatedCrf { get; init; } = new();

    /// <summary>KD temperature and KL direction.</summary>
    public DistillationSettings Distillation { get; init; } = new();

    /// <summary>MFD consistency weight form and gradient through the warped neighbour.</summary>
    public MemoryFlowDistillationSettings MemoryFlow { get; init; } = new();

    /// <summary>The settings the loss classes take.</summary>
    public WeClickLossSettings ToLossSettings() => new(Alpha, Beta, Gamma, Lambda, Distillation, MemoryFlow);
}
