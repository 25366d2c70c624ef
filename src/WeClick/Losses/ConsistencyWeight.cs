namespace WeClick.Losses;

/// <summary>The sign of the consistency matrix W_f of the MFD loss (WeClick §3.3, Eq. 3; algorithms.md §4.3, A1).</summary>
public enum ConsistencyWeight
{
    /// <summary>W_f = exp(−|ŷS_{f→k} − ŷT_k|) ∈ [e^−1, 1] (per element): lowers the weight where the warped student
    /// disagrees with the teacher, as the text says twice (§3.3, Fig. 4(b)) and ETC/LAI do. Our default.</summary>
    Decreasing,

    /// <summary>W_f = exp(+|ŷS_{f→k} − ŷT_k|) ∈ [1, e]: the formula as printed in Eq. 3 (raises the weight of
    /// disagreeing regions, which contradicts the text).</summary>
    Literal,
}
