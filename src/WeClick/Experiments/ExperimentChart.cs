namespace WeClick.Experiments;

/// <summary>The chart an experiment's report draws (issue #14: one suited to the experiment).</summary>
public enum ExperimentChart
{
    /// <summary>mIoU per row as bars with the seeds' std as error bars (tables).</summary>
    Bars,

    /// <summary>mIoU over the number of input frames n, one line per direction (Fig. 5).</summary>
    LineOverFrames,

    /// <summary>IoU per class, one bar series per row (Fig. 6).</summary>
    PerClass,

    /// <summary>mIoU against inference frames per second (Fig. 2).</summary>
    AccuracyAgainstSpeed,
}
