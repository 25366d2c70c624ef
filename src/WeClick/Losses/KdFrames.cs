namespace WeClick.Losses;

/// <summary>
/// Which input frames the KD term distils (WeClick §3.4, Eq. 5: γ·Σ_{f=k−n+1..k} KD(x_f), every input frame of the clip).
/// </summary>
public enum KdFrames
{
    /// <summary>Every frame of the clip, the target and its n − 1 neighbours (Eq. 5 as printed; the default).</summary>
    All,

    /// <summary>The target frame k alone (single-frame distillation, as the workbench did before this key existed).</summary>
    Target,
}
