using WeClick.Losses;

namespace WeClick.Experiments;

/// <summary>
/// The WeClick loss (Eq. 5): α·weakly + β·Σ_f MFD + γ·Σ_f KD, weakly = pCE + λ·GatedCRF (Eq. 2). A weight of 0 switches a
/// term off (the Table 1 rows: weakly = β = γ = 0; +KD = β = 0), and only the weight: KD covers the frames
/// <see cref="KdFrames"/> names in every row, so +KD and +KD+MFD differ in the MFD term alone. The teacher trains with
/// α·weakly only.
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

    /// <summary>
    /// The frames KD distils: <c>all</c> input frames (Eq. 5's Σ over f = k−n+1..k; the default), or the <c>target</c>
    /// alone. With <c>all</c> the student loads its clip's neighbours whenever γ &gt; 0, with MFD off too.
    /// </summary>
    public KdFrames KdFrames { get; init; } = KdFrames.All;

    /// <summary>
    /// What the α-term learns from: <c>clicks</c> (weakly = pCE + λ·GatedCRF, the default) or <c>dense</c> labels (plain
    /// cross-entropy, no Gated CRF). <c>weclick reproduce</c> trains a dense teacher and a dense student beside the click
    /// rows, so every table shows what the clicks cost.
    /// </summary>
    public Supervision Supervision { get; init; } = Supervision.Clicks;

    /// <summary>The settings the loss classes take.</summary>
    public WeClickLossSettings ToLossSettings() => new(Alpha, Beta, Gamma, Lambda, Distillation, MemoryFlow, KdFrames, Supervision);
}
