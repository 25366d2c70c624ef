using WeClick.Torch;

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
    /// Reads a Middlebury <c>.flo</c> file into float32 [2, H, W] (pass <c>WeClick.Flow.FloFile.Read</c>). Where set and the
    /// dataset ships ground-truth flows (descriptor <c>"groundTruthFlow": true</c>), neighbours carry their flow to the
    /// target and its validity mask; where null, clips have no flows. A hook rather than a reader here so that Data
    /// does not own the .flo format.
    /// </summary>
    public Func<string, Tensor>? FlowReader { get; init; }

    /// <summary>
    /// Estimated flow for every neighbour of every clip (float32 [2, H, W], neighbour → target, backward-warping on the
    /// target grid), attached before augmentation so that augmentation transforms it with the frames. Pass
    /// <c>new WeClick.Flow.FlowCache(folder, estimator).Get</c> to compute each pair once and reuse it across epochs.
    /// Where the dataset ships ground-truth flow and <see cref="FlowReader"/> is set, the ground truth is used instead.
    /// </summary>
    public Func<FlowRequest, Tensor>? FlowSource { get; init; }

    /// <summary>
    /// CamVid: where a wanted neighbour frame is missing, use the nearest available frame of the same sequence on the
    /// same side of the target instead of failing (see <see cref="CamVidDataset"/>).
    /// </summary>
    public bool AllowNearestNeighbourFallback { get; init; }
}
