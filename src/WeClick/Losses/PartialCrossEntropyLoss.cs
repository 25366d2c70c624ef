using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Losses;

/// <summary>
/// Partial cross-entropy over clicked pixels only (WeClick §3.1, Eq. 1):
/// L_pCE = −(1/|Ω_L|) Σ_{i∈Ω_L} log softmax(z_i)[y_i], where Ω_L is the set of clicked pixels (click map ≠ 255).
/// </summary>
/// <remarks>
/// Computed as <c>cross_entropy(reduction: Sum, ignore_index: 255) / max(|Ω_L|, 1)</c>, which equals PyTorch's
/// <c>F.cross_entropy(ignore_index=255)</c> (mean over non-ignored pixels) whenever there is a click. With no click in the
/// batch the result is exactly 0 — a zero that is still connected to the logits (its gradient is all zeros), so a
/// backward pass through a sum of losses never fails and never sees NaN (PyTorch's mean would give 0/0 = NaN).
/// Eq. 1 has no class weights; they are optional here (off by default) and follow PyTorch's weighted mean:
/// Σ_i w_{y_i}·CE_i / Σ_i w_{y_i}.
/// </remarks>
public sealed class PartialCrossEntropyLoss
{
    /// <summary>The click-map value of unclicked pixels (<see cref="WeClick.Clicks.ClickMap"/>).</summary>
    public const long IgnoreIndex = 255;

    /// <summary>Optional per-class weights [C] (null: none, as Eq. 1).</summary>
    public Tensor? ClassWeights { get; }

    /// <param name="classWeights">Per-class weights [C], or null (default; Eq. 1 has none).</param>
    /// <exception cref="ArgumentException">The weights are not a 1-D floating tensor.</exception>
    public PartialCrossEntropyLoss(Tensor? classWeights = null)
    {
        if (classWeights is not null && (classWeights.dim() != 1 || !is_floating_point(classWeights.dtype)))
        {
            throw new ArgumentException($"classWeights must be a 1-D floating tensor [C], got {classWeights.dtype} [{string.Join(", ", classWeights.shape)}].",
                nameof(classWeights));
        }
        ClassWeights = classWeights;
    }

    /// <summary>L_pCE (Eq. 1) of <paramref name="logits"/> against the clicks.</summary>
    /// <param name="logits">[N, C, H, W] floating point (the logits at the click map's resolution, A5).</param>
    /// <param name="clicks">int64 [N, H, W]: a class in 0..C−1 at clicked pixels, 255 elsewhere.</param>
    /// <returns>A 0-d tensor, differentiable in <paramref name="logits"/>; 0 when no pixel is clicked.</returns>
    /// <exception cref="ArgumentException">Shapes or dtypes are wrong.</exception>
    /// <exception cref="System.Runtime.InteropServices.ExternalException">A click class is outside 0..C−1 (libtorch's message).</exception>
    public Tensor Forward(Tensor logits, Tensor clicks)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(clicks);
        if (logits.dim() != 4 || clicks.dim() != 3 || clicks.size(0) != logits.size(0) || clicks.size(1) != logits.size(2)
            || clicks.size(2) != logits.size(3))
        {
            throw new ArgumentException(
                $"pCE: expected logits [N, C, H, W] and clicks [N, H, W], got [{string.Join(", ", logits.shape)}] and [{string.Join(", ", clicks.shape)}].",
                nameof(clicks));
        }
        if (clicks.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"pCE: clicks must be int64, got {clicks.dtype}.", nameof(clicks));
        }
        using var scope = NewDisposeScope();
        var weights = ClassWeights?.to(logits.device); // the weights may live on the CPU while the logits are on a GPU
        var sum = F.cross_entropy(logits, clicks, weights, ignore_index: IgnoreIndex, reduction: nn.Reduction.Sum);
        Tensor count;
        using (no_grad())
        {
            var clicked = clicks.ne(IgnoreIndex);
            if (ClassWeights is null)
            {
                count = clicked.sum(ScalarType.Float64);
            }
            else
            {
                var safe = clicks.where(clicked, 0L).flatten();
                count = weights!.to(ScalarType.Float64).index_select(0, safe).mul(clicked.flatten()).sum();
            }
            count = count.clamp_min(1.0).to(logits.dtype);
        }
        return sum.div(count).MoveToOuterDisposeScope();
    }
}
