using WeClick.Data.Synthetic;

namespace WeClick.Experiments;

/// <summary>The dataset of an experiment.</summary>
public sealed record DataConfig
{
    /// <summary><c>synthetic</c> or <c>cityscapes</c> (both the Cityscapes layout, read by CityscapesDataset) or <c>camvid</c>.</summary>
    public string Dataset { get; init; } = "synthetic";

    /// <summary>The dataset's root folder (for <c>synthetic</c>, where it is written if missing).</summary>
    public string Root { get; init; } = "data/synthetic";

    /// <summary>The training split.</summary>
    public string TrainSplit { get; init; } = "train";

    /// <summary>The validation split.</summary>
    public string ValSplit { get; init; } = "val";

    /// <summary>How the synthetic video is generated when <see cref="Root"/> does not hold it yet (synthetic only).</summary>
    public SyntheticVideoSettings Synthetic { get; init; } = new();

    /// <summary>Batches prepared ahead by background loader workers (0 = load on the training thread).</summary>
    public int Workers { get; init; } = 1;
}
