using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>
/// A neighbour frame of a clip, with the optional flow that carries it onto the target frame.
/// </summary>
/// <param name="Index">The frame's index in its video (e.g. k − 1).</param>
/// <param name="Image">uint8 [H, W, 3] RGB, the target's size.</param>
/// <param name="Path">The file it was read from ("" for frames made in memory).</param>
public sealed record ClipFrame(int Index, Tensor Image, string Path = "") : IDisposable
{
    /// <summary>
    /// float32 [2, H, W] (u, v) on the TARGET grid, backward-warping: target pixel p shows what this frame shows at
    /// p + flow(p) (the on-disk contract; algorithms.md §4.1, A2), so <c>grid_sample</c> warps this frame onto the target.
    /// Null where the dataset has no flows (they are then computed by the flow stage).
    /// </summary>
    public Tensor? Flow { get; init; }

    /// <summary>uint8 [H, W], 1 where the flow's pixel is visible in both frames (and not padding); null if unknown.</summary>
    public Tensor? FlowValid { get; init; }

    /// <summary>Disposes the image and the flow tensors.</summary>
    public void Dispose()
    {
        Image.Dispose();
        Flow?.Dispose();
        FlowValid?.Dispose();
    }
}
