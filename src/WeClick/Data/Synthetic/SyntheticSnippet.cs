using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data.Synthetic;

/// <summary>
/// One generated snippet in memory: every frame, the labels of the labelled frame F, and the exact optical flow
/// from F to every other frame. Owns its tensors (none belongs to a dispose scope): dispose the snippet.
/// </summary>
public sealed class SyntheticSnippet : IDisposable
{
    internal SyntheticSnippet(int labelledIndex, Tensor[] frames, Tensor[] labels, Tensor[] instances, Tensor?[] flows, Tensor?[] flowValid,
        bool everyFrameLabelled)
    {
        LabelledIndex = labelledIndex;
        Frames = frames;
        _labels = labels;
        _instances = instances;
        Flows = flows;
        FlowValid = flowValid;
        FrameLabels = everyFrameLabelled ? labels : null;
        FrameInstances = everyFrameLabelled ? instances : null;
    }

    private readonly Tensor[] _labels, _instances;

    /// <summary>0-based index of the labelled frame F.</summary>
    public int LabelledIndex { get; }

    /// <summary>The frames, uint8 [H, W, 3] RGB (the layout of <c>Image.Read</c>).</summary>
    public IReadOnlyList<Tensor> Frames { get; }

    /// <summary>Class ids of frame F, uint8 [H, W] (0..10; no pixel is void).</summary>
    public Tensor Label => _labels[LabelledIndex];

    /// <summary>Instance ids of frame F, int32 [H, W]: classId·1000 + k for cars, pedestrians and bicyclists, the class id elsewhere.</summary>
    public Tensor Instances => _instances[LabelledIndex];

    /// <summary>
    /// Ground-truth flow from F to each frame f, float32 [2, H, W] (u, v in pixels) on F's grid: frame F at p shows
    /// what frame f shows at p + flow(p) (backward warping, algorithms.md §4.1). Null at index F.
    /// </summary>
    public IReadOnlyList<Tensor?> Flows { get; }

    /// <summary>bool [H, W] per frame f: true where the scene point at p in F is visible in f too. Null at index F.</summary>
    public IReadOnlyList<Tensor?> FlowValid { get; }

    /// <summary>Class ids of every frame (uint8 [H, W]) when generated with <c>labelEveryFrame</c>, else null.</summary>
    public IReadOnlyList<Tensor>? FrameLabels { get; }

    /// <summary>Instance ids of every frame (int32 [H, W]) when generated with <c>labelEveryFrame</c>, else null.</summary>
    public IReadOnlyList<Tensor>? FrameInstances { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in Frames.Concat(_labels).Concat(_instances).Concat(Flows.OfType<Tensor>()).Concat(FlowValid.OfType<Tensor>()))
        {
            t?.Dispose();
        }
    }
}
