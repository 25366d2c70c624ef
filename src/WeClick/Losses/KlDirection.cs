namespace WeClick.Losses;

/// <summary>Which KL divergence the pixel-wise distillation loss (WeClick §3.2, Eq. 4) computes (algorithms.md §3.1, A3).</summary>
public enum KlDirection
{
    /// <summary>KL(p_T ‖ p_S) = Σ_c p_T (log p_T − log p_S): the teacher is the target distribution (Hinton; ETC
    /// <c>CriterionKD</c>, SKD). Our default.</summary>
    TeacherToStudent,

    /// <summary>KL(p_S ‖ p_T) = Σ_c p_S (log p_S − log p_T): the paper's literal Eq. 4, KL(ŷ_S ‖ ŷ_T).</summary>
    StudentToTeacher,
}
