using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>
/// A neighbour's flow to the target and, where the source knows it, where that flow can be trusted: what a
/// <see cref="ClipDatasetOptions.FlowSource"/> returns for one (target, neighbour) pair. The clip takes ownership of both.
/// </summary>
/// <param name="Flow">float32 [2, H, W], pixels, on the target grid: target(p) ≈ neighbour(p + flow(p)).</param>
/// <param name="Valid">uint8 [H, W], 1 where the flow is trusted (visible in both frames: ground truth, or a passed
/// forward–backward check), or null when the source gives no such mask (then MFD masks only samples outside the frame).</param>
public sealed record FlowField(Tensor Flow, Tensor? Valid = null);
