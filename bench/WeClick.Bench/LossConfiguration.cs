namespace WeClick.Benchmarks;

/// <summary>The loss configurations of <see cref="LossBenchmark"/> (WeClick §3.4, Eq. 5 with terms switched off).</summary>
public enum LossConfiguration
{
    /// <summary>pCE alone (Eq. 1) on the target frame: the Gated CRF baseline.</summary>
    PceOnly,

    /// <summary>weakly = pCE + 0.1·GatedCRF (Eq. 2) on the target frame; α = 1, β = γ = 0.</summary>
    Weakly,

    /// <summary>weakly + KD on the target frame (image-level distillation, no neighbours); β = 0.</summary>
    WeaklyKd,

    /// <summary>weakly + KD over all n frames + MFD over the n − 1 neighbours (the full Eq. 5).</summary>
    WeaklyKdMfd,
}
