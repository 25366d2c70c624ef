using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>What a flow source needs to know about one (target, neighbour) pair of a clip, before augmentation.</summary>
/// <param name="Dataset">The dataset's name (e.g. <c>camvid/val</c>).</param>
/// <param name="Target">The clip's name (its labelled frame).</param>
/// <param name="TargetPath">The target frame's file.</param>
/// <param name="NeighbourPath">The neighbour frame's file.</param>
/// <param name="TargetImage">uint8 [H, W, 3] RGB target frame.</param>
/// <param name="NeighbourImage">uint8 [H, W, 3] RGB neighbour frame.</param>
public sealed record FlowRequest(string Dataset, string Target, string TargetPath, string NeighbourPath, Tensor TargetImage, Tensor NeighbourImage)
{
    /// <summary>
    /// The dataset's ground-truth flow of this pair (Middlebury <c>.flo</c>, neighbour → target on the target grid), where
    /// the dataset ships one (descriptor <c>"groundTruthFlow": true</c>, e.g. the synthetic set); else null.
    /// </summary>
    public string? GroundTruthFlowPath { get; init; }

    /// <summary>The ground truth's validity mask (PNG, 0/255: visible in both frames), beside <see cref="GroundTruthFlowPath"/>.</summary>
    public string? GroundTruthValidPath { get; init; }
}
