using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Flow;

/// <summary>
/// Occlusion mask of an estimated flow by the forward–backward consistency check (Sundaram et al. ECCV'10, as used by
/// Ruder et al. GCPR'16 and LAI's <c>detect_occlusion</c>; algorithms.md §4.2). With the flow f→k on the target grid
/// (target(p) ≈ neighbour(p + F(p))) and the reverse flow on the neighbour grid (neighbour(q) ≈ target(q + B(q))),
/// a pixel p is trusted when following F and then B comes back to p:
/// <code>
///   B̂(p) = B(p + F(p))   (backward warping of B with F)
///   valid(p) ⇔ |F(p) + B̂(p)|² ≤ α₁·(|F(p)|² + |B̂(p)|²) + α₂   and   p + F(p) lies inside the frame
/// </code>
/// Pixels that fail are occluded in the neighbour (or the flow is wrong there); MFD then ignores them.
/// </summary>
/// <param name="Alpha1">α₁, the tolerance that grows with the motion (0.01 in the references).</param>
/// <param name="Alpha2">α₂, the constant tolerance in squared pixels (0.5 in the references).</param>
public sealed record ForwardBackwardCheck(double Alpha1 = 0.01, double Alpha2 = 0.5)
{
    /// <summary>A description of the thresholds (part of a flow source's key).</summary>
    public string Key => FormattableString.Invariant($"fb{Alpha1:R}-{Alpha2:R}");

    /// <summary>Throws when a threshold is negative or not finite.</summary>
    /// <exception cref="ArgumentException">The message names the threshold.</exception>
    public ForwardBackwardCheck Validate()
    {
        if (!double.IsFinite(Alpha1) || Alpha1 < 0)
        {
            throw new ArgumentException($"ForwardBackwardCheck.Alpha1 must be finite and >= 0, got {Alpha1}.", nameof(Alpha1));
        }
        if (!double.IsFinite(Alpha2) || Alpha2 < 0)
        {
            throw new ArgumentException($"ForwardBackwardCheck.Alpha2 must be finite and >= 0, got {Alpha2}.", nameof(Alpha2));
        }
        return this;
    }

    /// <summary>The validity mask of <paramref name="flow"/> given the reverse flow.</summary>
    /// <param name="flow">F, neighbour → target on the target grid: float [N, 2, H, W] or [2, H, W], pixels.</param>
    /// <param name="reverse">B, target → neighbour on the neighbour grid, same shape and dtype.</param>
    /// <returns>uint8 of shape [N, H, W] (or [H, W] for unbatched input): 1 = consistent and inside the frame.</returns>
    /// <exception cref="ArgumentException">The shapes or dtypes differ or are not flows.</exception>
    public Tensor Valid(Tensor flow, Tensor reverse)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(reverse);
        Validate();
        if (!flow.shape.SequenceEqual(reverse.shape) || flow.dtype != reverse.dtype)
        {
            throw new ArgumentException(
                $"ForwardBackwardCheck: flow {flow.dtype} [{string.Join(", ", flow.shape)}] and reverse flow {reverse.dtype} [{string.Join(", ", reverse.shape)}] must match.",
                nameof(reverse));
        }
        var unbatched = flow.dim() == 3;
        using var scope = NewDisposeScope();
        using var guard = no_grad();
        var f = unbatched ? flow.unsqueeze(0) : flow;
        var b = unbatched ? reverse.unsqueeze(0) : reverse;
        var (bHat, inside) = Warp.Backward(b, f);
        var squaredSum = f.add(bHat).pow(2).sum([1]);
        var squaredNorms = f.pow(2).sum([1]).add(bHat.pow(2).sum([1]));
        var consistent = squaredSum.le(squaredNorms.mul(Alpha1).add(Alpha2));
        var valid = consistent.logical_and(inside.squeeze(1).@bool()).to(ScalarType.Byte);
        return (unbatched ? valid.squeeze(0) : valid).MoveToOuterDisposeScope();
    }
}
