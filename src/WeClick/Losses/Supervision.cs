namespace WeClick.Losses;

/// <summary>
/// What the α-term of Eq. 5 learns from: WeClick's clicks (weakly = pCE + λ·GatedCRF, Eq. 1–2), or the dense labels
/// (plain cross-entropy over every labelled pixel, no Gated CRF): the fully supervised upper bound that every table sets
/// the clicks against (the paper's Cityscapes ratio, click-trained over fully supervised mIoU, is about 0.77).
/// </summary>
public enum Supervision
{
    /// <summary>One click per object (Eq. 1 partial cross-entropy plus λ·Gated CRF, Eq. 2); the default.</summary>
    Clicks,

    /// <summary>Every labelled pixel of the target frame (cross-entropy with the void label ignored); λ is not used.</summary>
    Dense,
}
