namespace WeClick.Training;

/// <summary>Which network of WeClick's two-stage pipeline is being trained (Fig. 3).</summary>
public enum TrainingRole
{
    /// <summary>The big network, from clicks alone: weakly = pCE + λ·GatedCRF (Fig. 3a).</summary>
    Teacher,

    /// <summary>The compact network, from clicks, the frozen teacher (KD) and its own warped neighbour predictions (MFD) (Fig. 3b).</summary>
    Student,
}
