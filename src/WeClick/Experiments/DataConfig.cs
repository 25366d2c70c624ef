using WeClick.Data.Synthetic;

namespace WeClick.Experiments;

/// <summary>The dataset of an experiment.</summary>
public sealed record DataConfig
{
    /// <summary><c>synthetic</c> or <c>cityscapes</c> (both the Cityscapes layout, read by CityscapesDataset) or <c>camvid</c>.</summary>
    public string Dataset { get; init; } = "synthetic";

    /// <summary>The dataset's root folder (for <c>synthetic</c>, where it is written if missing).</summary>
    public string Root { get; init; } = "data/synthetic";

    /// <summary>
    /// CamVid only: a folder of unlabelled frames extracted from the original 30 fps videos, named like the labelled ones,
    /// flat or one sub-folder per sequence (data-scripts/camvid/README.md), where clips find their neighbours. Null: the
    /// labelled frames alone, so a missing neighbour falls back to the nearest labelled frame (1 s apart in train, 2 frames
    /// in val), which every student run warns about and the reproduction report states.
    /// </summary>
    public string? NeighboursFolder { get; init; }

    /// <summary>The training split.</summary>
    public string TrainSplit { get; init; } = "train";

    /// <summary>The validation split.</summary>
    public string ValSplit { get; init; } = "val";

    /// <summary>How the synthetic video is generated when <see cref="Root"/> does not hold it yet (synthetic only).</summary>
    public SyntheticVideoSettings Synthetic { get; init; } = new();

    /// <summary>Batches prepared ahead by background loader workers (0 = load on the training thread).</summary>
    public int Workers { get; init; } = 1;
}
