using System.Globalization;

namespace WeClick.Losses;

/// <summary>
/// One Gaussian kernel of the Gated CRF regulariser (Obukhov et al. 2019; GCRF <c>kernels_desc</c> entry):
/// w · exp(−½ Σ_f ‖(f_i − f_j)/σ_f‖²) over the modalities whose sigma is given.
/// </summary>
/// <param name="Weight">w_k, finite and ≥ 0.</param>
/// <param name="Xy">σ_xy in PREDICTION pixels (as the reference: 6 at stride 4 ≈ 24 input pixels); null = no xy term.</param>
/// <param name="Rgb">σ_rgb in ImageNet-normalised units (0.1 ≈ 6 grey levels); null = no rgb term.</param>
public sealed record GatedCrfKernel(double Weight, double? Xy, double? Rgb)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad value; <paramref name="index"/> is the kernel's position.</summary>
    internal void Validate(int index)
    {
        if (!double.IsFinite(Weight) || Weight < 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Gated CRF kernel {index}: Weight must be finite and ≥ 0, got {Weight}."), "Kernels");
        }
        if (Xy is null && Rgb is null)
        {
            throw new ArgumentException($"Gated CRF kernel {index}: give at least one of Xy and Rgb (a kernel needs a modality).", "Kernels");
        }
        foreach (var (name, sigma) in new[] { ("Xy", Xy), ("Rgb", Rgb) })
        {
            if (sigma is { } s && !(double.IsFinite(s) && s > 0))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Gated CRF kernel {index}: sigma {name} must be finite and > 0, got {s}."), "Kernels");
            }
        }
    }
}
