using TorchSharp;
using WeClick.Flow;
using WeClick.Models;
using static TorchSharp.torch;

namespace WeClick.Evaluation;

/// <summary>
/// Temporal consistency of video predictions (an extra metric the WeClick paper lacks): for consecutive frames t − 1
/// and t, the prediction of t − 1 is warped onto frame t with the flow on t's grid (<see cref="IFlowEstimator"/>
/// convention: frame_t(p) ≈ frame_{t−1}(p + flow(p)); <see cref="Warp.Backward"/>, nearest mode so labels stay labels),
/// and the fraction of pixels whose warped label equals the prediction of t is counted. Pixels whose sample point
/// p + flow(p) leaves the frame are not counted, nor pixels outside an optional validity mask (e.g. the
/// forward–backward check, which removes occlusions), nor pixels where either label is the ignore index.
/// The sequence's value is the mean over pairs.
/// </summary>
/// <remarks>
/// A perfect, flow-consistent segmentation scores 1; the score is bounded by the flow's accuracy (occlusions and
/// flow errors also disagree), so compare models with the same estimator.
/// </remarks>
public static partial class TemporalConsistency
{
    /// <summary>The agreement of one pair.</summary>
    /// <param name="previous">Labels of frame t − 1: integer [H, W] (uint8 or int64).</param>
    /// <param name="current">Labels of frame t, same shape.</param>
    /// <param name="flow">float32 [2, H, W] on t's grid: frame_t(p) ≈ frame_{t−1}(p + flow(p)).</param>
    /// <param name="valid">Optional bool/uint8 [H, W] mask on t's grid of pixels to count (non-zero = count).</param>
    /// <param name="ignoreIndex">A label value never counted (void).</param>
    /// <exception cref="ArgumentException">Shapes or dtypes do not fit.</exception>
    public static PairAgreement Pair(Tensor previous, Tensor current, Tensor flow, Tensor? valid = null, int ignoreIndex = 255)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(flow);
        if (previous.dim() != 2 || !previous.shape.SequenceEqual(current.shape))
        {
            throw new ArgumentException(
                $"TemporalConsistency: label maps must be [H, W] of one shape, got [{string.Join(", ", previous.shape)}] and [{string.Join(", ", current.shape)}].",
                nameof(previous));
        }
        if (previous.is_floating_point() || current.is_floating_point())
        {
            throw new ArgumentException($"TemporalConsistency: label maps must be integral, got {previous.dtype} and {current.dtype}.", nameof(previous));
        }
        long h = previous.size(0), w = previous.size(1);
        if (!flow.shape.SequenceEqual([2L, h, w]))
        {
            throw new ArgumentException($"TemporalConsistency: flow must be [2, {h}, {w}], got [{string.Join(", ", flow.shape)}].", nameof(flow));
        }
        if (valid is not null && !valid.shape.SequenceEqual([h, w]))
        {
            throw new ArgumentException($"TemporalConsistency: the validity mask must be [{h}, {w}], got [{string.Join(", ", valid.shape)}].", nameof(valid));
        }
        using var scope = NewDisposeScope();
        using var guard = no_grad();
        var f = flow.to(ScalarType.Float32).unsqueeze(0);
        // Labels (< 2^24) are exact in float32; nearest sampling picks one source pixel's label.
        var source = previous.to(ScalarType.Float32, f.device).view(1, 1, h, w);
        var (warped, inside) = Warp.Backward(source, f, "nearest");
        var warpedLabels = warped.view(h, w).round().to(ScalarType.Int64);
        var target = current.to(ScalarType.Int64, f.device);
        var counted = inside.view(h, w).gt(0.5)
            .logical_and(target.ne(ignoreIndex))
            .logical_and(warpedLabels.ne(ignoreIndex));
        if (valid is not null)
        {
            counted = counted.logical_and(valid.to(f.device).ne(0));
        }
        var agreeing = warpedLabels.eq(target).logical_and(counted).sum().item<long>();
        return new PairAgreement(agreeing, counted.sum().item<long>());
    }

    /// <summary>
    /// Temporal consistency of a sequence of label maps: pair t compares labels[t − 1] warped by flows[t − 1] with labels[t].
    /// </summary>
    /// <param name="labels">T ≥ 2 integer [H, W] label maps in frame order.</param>
    /// <param name="flows">T − 1 flows; flows[t − 1] is float32 [2, H, W] on frame t's grid towards frame t − 1.</param>
    /// <param name="valid">Optional T − 1 masks (an entry may be null) of pixels to count on frame t's grid.</param>
    /// <param name="ignoreIndex">A label value never counted.</param>
    /// <exception cref="ArgumentException">Fewer than two frames, or the list lengths do not fit.</exception>
    public static TemporalConsistencyResult Measure(IReadOnlyList<Tensor> labels, IReadOnlyList<Tensor> flows, IReadOnlyList<Tensor?>? valid = null, int ignoreIndex = 255)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(flows);
        if (labels.Count < 2 || flows.Count != labels.Count - 1 || (valid is not null && valid.Count != flows.Count))
        {
            throw new ArgumentException(
                $"TemporalConsistency: {labels.Count} label maps need {Math.Max(labels.Count - 1, 1)} flows{(valid is null ? "" : " and masks")}, got {flows.Count}{(valid is null ? "" : $" and {valid.Count}")} (at least two frames).",
                nameof(flows));
        }
        var pairs = new PairAgreement[flows.Count];
        for (var t = 1; t < labels.Count; t++)
        {
            pairs[t - 1] = Pair(labels[t - 1], labels[t], flows[t - 1], valid?[t - 1], ignoreIndex);
        }
        return new TemporalConsistencyResult(pairs);
    }

    /// <summary>
    /// Temporal consistency of a model's predictions on consecutive frames: each frame is predicted with
    /// <paramref name="evaluator"/> (batch 1, eval, no grad), the flow of pair t is
    /// <c>estimator.Estimate(target: frame t, neighbour: frame t − 1)</c>, and with <paramref name="forwardBackward"/> the
    /// reverse flow <c>Estimate(frame t − 1, frame t)</c> removes inconsistent (occluded) pixels.
    /// </summary>
    /// <param name="model">The segmentor.</param>
    /// <param name="frames">T ≥ 2 uint8 [H, W, 3] RGB frames in order.</param>
    /// <param name="estimator">The flow estimator.</param>
    /// <param name="evaluator">Test-time settings and normalisation (null: single scale, ImageNet normalisation).</param>
    /// <param name="forwardBackward">The check to apply, or null to count every pixel whose sample stays in the frame.</param>
    /// <exception cref="ArgumentException">Fewer than two frames.</exception>
    public static TemporalConsistencyResult Measure(Segmentor model, IReadOnlyList<Tensor> frames, IFlowEstimator estimator,
        Evaluator? evaluator = null, ForwardBackwardCheck? forwardBackward = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(estimator);
        if (frames.Count < 2)
        {
            throw new ArgumentException($"TemporalConsistency: at least two frames are needed, got {frames.Count}.", nameof(frames));
        }
        evaluator ??= new Evaluator();
        var pairs = new PairAgreement[frames.Count - 1];
        using var scope = NewDisposeScope();
        var previous = evaluator.Predict(model, frames[0]);
        for (var t = 1; t < frames.Count; t++)
        {
            var current = evaluator.Predict(model, frames[t]);
            var flow = estimator.Estimate(frames[t], frames[t - 1]);
            var valid = forwardBackward?.Valid(flow, estimator.Estimate(frames[t - 1], frames[t]));
            pairs[t - 1] = Pair(previous, current, flow, valid);
            previous.Dispose();
            flow.Dispose();
            valid?.Dispose();
            previous = current;
        }
        return new TemporalConsistencyResult(pairs);
    }
}
