using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>How a dataset builds its clips.</summary>
/// <param name="FramesPerClip">n, target included (1 = the target alone, e.g. for the teacher; 3 in the paper).</param>
/// <param name="Direction">Where the neighbours lie (WeClick's MFD direction ablation).</param>
/// <param name="Policy">How far they lie; null = <see cref="FixedInterval"/>(1).</param>
public sealed record ClipDatasetOptions(int FramesPerClip = 1, FrameDirection Direction = FrameDirection.Forward, SamplingPolicy? Policy = null)
{
    /// <summary>The policy in effect.</summary>
    public SamplingPolicy EffectivePolicy => Policy ?? new FixedInterval(1);

    /// <summary>
    /// Clicks for a clip, given its name and its unaugmented label (uint8 trainIds) and instance ids (or null):
    /// the hook through which the click stage (WeClick.Clicks, or a cached click file) feeds the datasets. Null = no clicks.
    /// </summary>
    public Func<string, Tensor, Tensor?, IReadOnlyList<PointLabel>>? Clicks { get; init; }

    /// <summary>
    /// The flow of every neighbour of every clip (neighbour → target, backward-warping on the target grid, with its
    /// validity where known), attached before augmentation so that augmentation transforms it with the frames. Null = clips
    /// carry no flows. Sources (WeClick.Flow): <c>new FlowCache(folder, estimator).Get</c> computes each pair once with an
    /// estimator (DIS, Farnebäck, a TorchScript flow net) and reuses it across epochs; <c>GroundTruthFlowSource.Get</c> reads
    /// the flow the dataset ships (see <see cref="FlowRequest.GroundTruthFlowPath"/>); <c>FlowProvider</c> builds
    /// either from settings (<c>FlowProvider.Create</c>).
    /// </summary>
    public Func<FlowRequest, FlowField>? FlowSource { get; init; }

    /// <summary>
    /// CamVid: what to do where a wanted neighbour frame is missing: fail naming the file (default), take the nearest
    /// available frame instead, or leave it out (see <see cref="Data.MissingNeighbours"/> and <see cref="CamVidDataset"/>).
    /// </summary>
    public MissingNeighbours MissingNeighbours { get; init; }
}
