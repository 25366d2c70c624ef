namespace WeClick.Losses;

/// <summary>
/// Settings of <see cref="GatedCrfLoss"/>. Defaults are the GCRF reference CLI defaults (GCRF <c>utils/config.py</c>):
/// one kernel {weight 1, xy 6, rgb 0.1}, radius 5 (11×11 window, 120 neighbours), and the DeepLabV3+ decoder stride 4
/// (WeClick ambiguity A5). The weight λ = 0.1 of WeClick Eq. (2) is not here: the total loss applies it.
/// </summary>
public sealed record GatedCrfSettings
{
    /// <summary>The reference CLI default kernel: weight 1, σ_xy = 6 prediction pixels, σ_rgb = 0.1 normalised units.</summary>
    public static readonly GatedCrfKernel DefaultKernel = new(1.0, 6.0, 0.1);

    /// <summary>The kernels K = Σ_k w_k·exp(…); default [{1, xy 6, rgb 0.1}]. Non-empty.</summary>
    public IReadOnlyList<GatedCrfKernel> Kernels { get; init; } = [DefaultKernel];

    /// <summary>Window radius r: neighbours j with |dy|, |dx| ≤ r, j ≠ i. Default 5; at least 1.</summary>
    public int Radius { get; init; } = 5;

    /// <summary>
    /// Stride of the prediction relative to the image (4 for DeepLabV3+'s decoder logits): the image [N,3,H,W] must be
    /// exactly (h·Downscale)×(w·Downscale) for a prediction h×w. Default 4; at least 1.
    /// </summary>
    public int Downscale { get; init; } = 4;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Kernels is null || Kernels.Count == 0)
        {
            throw new ArgumentException("Gated CRF: Kernels must hold at least one kernel.", nameof(Kernels));
        }
        for (var k = 0; k < Kernels.Count; k++)
        {
            if (Kernels[k] is null)
            {
                throw new ArgumentException($"Gated CRF kernel {k} is null.", nameof(Kernels));
            }
            Kernels[k].Validate(k);
        }
        if (Radius < 1)
        {
            throw new ArgumentException($"Gated CRF: Radius must be ≥ 1, got {Radius}.", nameof(Radius));
        }
        if (Downscale < 1)
        {
            throw new ArgumentException($"Gated CRF: Downscale must be ≥ 1, got {Downscale}.", nameof(Downscale));
        }
    }
}
