using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Flow;

/// <summary>
/// Estimates the flow between a target frame k and a neighbour frame f: float32 [2, H, W] in pixels on the
/// target's grid with <c>target(p) ≈ neighbour(p + flow(p))</c> — the paper's "flow f→k" used with backward
/// resampling (WeClick §3.3; algorithms.md A2), the same convention as the synthetic set's ground truth.
/// </summary>
public interface IFlowEstimator
{
    /// <summary>A stable description of the estimator and every setting that changes its output (the flow cache's key).</summary>
    string Key { get; }

    /// <summary>Flow for uint8 [H, W, 3] RGB frames of one size.</summary>
    Tensor Estimate(Tensor target, Tensor neighbour);
}
