using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Losses;

/// <summary>
/// Gated CRF regulariser (Obukhov et al. 2019), the second term of WeClick's weakly-supervised loss
/// (WeClick §3.1, Eq. (2): L_weakly = L_pCE + λ·L_GCRF, λ = 0.1 applied by the total loss, not here), as the GCRF
/// reference code (<c>models/model_loss_semseg_gatedcrf.py</c>) computes it with Potts compatibility:
/// <code>
/// L = (1/D) · Σ_n Σ_i Σ_{j ∈ Ω_r(i) \ {i}} m(j) · K_ij · (1 − Σ_c ŷ_i(c)·ŷ_j(c))
/// K_ij = Σ_k w_k · exp(−½ · Σ_{f ∈ F_k} ‖(f_i − f_j) / σ_{k,f}‖²),   D = max(1, Σ_{n,i} m(i))
/// </code>
/// Ω_r(i) is the (2r+1)×(2r+1) window around i; neighbours outside the prediction grid have no weight.
/// </summary>
/// <remarks>
/// <para><b>Resolutions</b> (as the reference): everything lives on the prediction grid h×w. The xy feature is the pixel
/// index there, so σ_xy = 6 means 6 prediction pixels (≈ 24 input pixels at stride 4); its contribution to a pair at
/// offset (dy, dx) is (dy² + dx²)/σ_xy², computed directly. The rgb feature is the ImageNet-normalised input image
/// area-downsampled to h×w with <c>adaptive_avg_pool2d</c>; σ_rgb is in those normalised units.</para>
/// <para><b>Gating</b>: m is the source mask m_src of the reference (training passes the augmentation's validity mask):
/// it is area-downsampled to h×w like the image, then every value &lt; 1 (and NaN) is set to 0, so a prediction pixel
/// touching any padding is invalid. A pixel with m = 0 is never a neighbour j and is not counted in D; it can still be
/// the centre i of pairs whose neighbour is valid (the reference gates sources only; m_dst is unused in training).
/// A null mask means all ones; neighbours beyond the grid border are always gated out, which is what the reference
/// does when a mask is passed (its zero-padded mask unfold).</para>
/// <para><b>Constant kept</b>: the reference computes Σ K − Σ_i ŷ_i · Σ_j K_ij ŷ_j; this implementation keeps the
/// Σ K term (a constant: K has no gradient), so L ≥ 0 and equals the formula above, not just its gradient.</para>
/// <para><b>Gradients</b> flow through both ŷ_i and ŷ_j; K (image and mask only) is computed under no-grad.</para>
/// <para><b>Memory</b>: instead of unfolding the prediction to N×C×(2r+1)²×h×w as the reference does, the loop runs over
/// the (2r+1)² − 1 offsets with shifted views of zero-padded tensors and accumulates P = Σ_off K_off·shift(ŷ)
/// (N×C×h×w), then L = (Σ K − Σ ŷ·P)/D. Peak memory is O(N·C·h·w) plus the N×1×h×w kernel slice per offset that
/// autograd keeps (the reference's kernel size), instead of several N×C×(2r+1)²×h×w tensors.</para>
/// </remarks>
public static class GatedCrfLoss
{
    /// <summary>Computes the Gated CRF loss (see the class remarks for the formula and conventions).</summary>
    /// <param name="probabilities">ŷ = softmax of the head logits, [N,C,h,w], floating point (its dtype is used throughout).</param>
    /// <param name="image">The ImageNet-normalised input, [N,3,H,W] with H = h·Downscale and W = w·Downscale.</param>
    /// <param name="validity">1 = real pixel, 0 = padding; [N,H,W] or [N,1,H,W] (or already at h×w); null = all ones.</param>
    /// <param name="settings">Kernels, radius and downscale.</param>
    /// <returns>A scalar tensor of the probabilities' dtype and device, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="validity"/> is null.</exception>
    /// <exception cref="ArgumentException">Invalid settings, or shapes that do not fit each other.</exception>
    public static Tensor Compute(Tensor probabilities, Tensor image, Tensor? validity, GatedCrfSettings settings)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var (n, h, w) = CheckShapes(probabilities, image, validity, settings.Downscale);
        var r = settings.Radius;
        var dtype = probabilities.dtype;

        using var scope = NewDisposeScope();
        Tensor mask, maskPadded, denominator;
        var rgbPadded = new Tensor?[settings.Kernels.Count];
        Tensor rgb;
        using (no_grad())
        {
            // rgb at the prediction grid: area-downsampled normalised image, [N,3,h,w].
            rgb = image.to(dtype, probabilities.device);
            if (rgb.shape[2] != h || rgb.shape[3] != w)
            {
                rgb = F.adaptive_avg_pool2d(rgb, [h, w]);
            }
            mask = PrepareMask(validity, n, h, w, probabilities);          // [N,1,h,w], 0 or 1
            denominator = mask.sum().clamp_min(1.0);
            maskPadded = F.pad(mask, [r, r, r, r]);                       // zeros beyond the border: no weight there
            for (var k = 0; k < settings.Kernels.Count; k++)
            {
                if (settings.Kernels[k].Rgb is { } sigma)
                {
                    rgbPadded[k] = F.pad(rgb / sigma, [r, r, r, r]);     // [N,3,h+2r,w+2r], features divided by σ first
                }
            }
        }
        var yPadded = F.pad(probabilities, [r, r, r, r]);                 // [N,C,h+2r,w+2r], differentiable
        var weighted = zeros_like(probabilities);                        // P = Σ_off K_off·shift(ŷ)
        var kernelSum = zeros([], dtype, probabilities.device);         // Σ K (constant)
        for (var dy = -r; dy <= r; dy++)
        {
            for (var dx = -r; dx <= r; dx++)
            {
                if (dy == 0 && dx == 0)
                {
                    continue; // the centre tap is 0 in the reference
                }
                using var step = NewDisposeScope();
                Tensor kernel;
                using (no_grad())
                {
                    kernel = KernelAt(settings, rgb, rgbPadded, dy, dx, r, h, w);
                    kernel.mul_(Shift(maskPadded, dy, dx, r, h, w));       // m_src(j)
                    kernelSum.add_(kernel.sum());
                }
                weighted.add_(kernel * Shift(yPadded, dy, dx, r, h, w)); // [N,1,h,w]·[N,C,h,w]
            }
        }
        var loss = (kernelSum - (probabilities * weighted).sum()) / denominator;
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>K_off(i) = Σ_k w_k·exp(−½(‖(rgb_i − rgb_{i+off})/σ_rgb‖² + (dy²+dx²)/σ_xy²)), [N,1,h,w] (ungated).</summary>
    private static Tensor KernelAt(GatedCrfSettings settings, Tensor rgb, Tensor?[] rgbPadded, int dy, int dx, int r, long h, long w)
    {
        Tensor? total = null;
        for (var k = 0; k < settings.Kernels.Count; k++)
        {
            var desc = settings.Kernels[k];
            var xy = desc.Xy is { } s ? (dy * dy + dx * dx) / (s * s) : 0.0;
            Tensor exponent;
            if (rgbPadded[k] is { } padded)
            {
                var centre = rgb / desc.Rgb!.Value;
                exponent = (centre - Shift(padded, dy, dx, r, h, w)).square().sum([1L], keepdim: true); // [N,1,h,w]
                if (xy != 0)
                {
                    exponent = exponent + xy;
                }
            }
            else
            {
                exponent = full([rgb.shape[0], 1, h, w], xy, rgb.dtype, rgb.device);
            }
            var term = (exponent * -0.5).exp() * desc.Weight;
            total = total is null ? term : total + term;
        }
        return total!;
    }

    /// <summary>The view of a tensor padded by r on each side whose pixel i holds the original's pixel i + (dy, dx).</summary>
    private static Tensor Shift(Tensor padded, int dy, int dx, int r, long h, long w) =>
        padded.narrow(2, r + dy, h).narrow(3, r + dx, w);

    private static Tensor PrepareMask(Tensor? validity, long n, long h, long w, Tensor like)
    {
        if (validity is null)
        {
            return ones([n, 1, h, w], like.dtype, like.device);
        }
        var m = validity.to(like.dtype, like.device);
        if (m.dim() == 3)
        {
            m = m.unsqueeze(1);
        }
        if (m.shape[2] != h || m.shape[3] != w)
        {
            m = F.adaptive_avg_pool2d(m, [h, w]);
        }
        // As the reference: NaN → 0 and anything < 1 → 0 (a prediction pixel touching padding is invalid).
        return m.masked_fill(m.isnan(), 0.0).masked_fill(m.lt(1.0), 0.0);
    }

    private static (long N, long H, long W) CheckShapes(Tensor probabilities, Tensor image, Tensor? validity, int downscale)
    {
        if (probabilities.dim() != 4)
        {
            throw new ArgumentException($"Gated CRF: probabilities must be [N,C,h,w], got [{string.Join(",", probabilities.shape)}].", nameof(probabilities));
        }
        if (!is_floating_point(probabilities.dtype))
        {
            throw new ArgumentException($"Gated CRF: probabilities must be floating point, got {probabilities.dtype}.", nameof(probabilities));
        }
        var (n, h, w) = (probabilities.shape[0], probabilities.shape[2], probabilities.shape[3]);
        if (image.dim() != 4 || image.shape[0] != n || image.shape[1] != 3 || image.shape[2] != h * downscale || image.shape[3] != w * downscale)
        {
            throw new ArgumentException(
                $"Gated CRF: image must be [N,3,h·{downscale},w·{downscale}] = [{n},3,{h * downscale},{w * downscale}] for probabilities " +
                $"[{string.Join(",", probabilities.shape)}] and Downscale {downscale}, got [{string.Join(",", image.shape)}].", nameof(image));
        }
        if (validity is not null)
        {
            var s = validity.shape;
            var okRank = s.Length == 3 || (s.Length == 4 && s[1] == 1);
            var (vh, vw) = okRank ? (s[^2], s[^1]) : (-1L, -1L);
            var okSize = (vh == h * downscale && vw == w * downscale) || (vh == h && vw == w);
            if (!okRank || s[0] != n || !okSize)
            {
                throw new ArgumentException(
                    $"Gated CRF: validity must be [N,H,W] or [N,1,H,W] with N = {n} and H×W = {h * downscale}×{w * downscale} " +
                    $"(or the prediction's {h}×{w}), got [{string.Join(",", s)}].", nameof(validity));
            }
        }
        return (n, h, w);
    }
}
