using WeClick.Data;
using WeClick.Flow;
using WeClick.Models;

namespace WeClick.Evaluation;

public static partial class TemporalConsistency
{
    /// <summary>
    /// Temporal consistency of a model over a split: for every labelled frame k, the run of frames k − T + 1 … k (the
    /// clip of a dataset opened with T frames per clip, forward, interval 1) is predicted and its consecutive pairs are
    /// compared after warping (<see cref="Measure(Segmentor, IReadOnlyList{TorchSharp.torch.Tensor}, IFlowEstimator, Evaluator?, ForwardBackwardCheck?)"/>).
    /// A dataset that leaves missing frames out (CamVid with <see cref="MissingNeighbours.Skip"/>) gives shorter runs,
    /// whose pairs lie further apart, and a labelled frame with nothing before it gives no pair. The result holds the
    /// pairs of all runs and each pair's frame gap; its mean is over pairs.
    /// </summary>
    /// <param name="model">The segmentor.</param>
    /// <param name="sequences">The split with T ≥ 2 frames per clip (neighbours before the target; labels are not used).</param>
    /// <param name="estimator">The flow estimator of consecutive frames.</param>
    /// <param name="evaluator">Test-time settings (null: single scale).</param>
    /// <param name="forwardBackward">Optional occlusion check.</param>
    /// <param name="progress">Called with (clips done, clips) after each clip.</param>
    /// <param name="cancellation">Stops between clips.</param>
    /// <exception cref="ArgumentException">No clip of the dataset has a neighbour (opened with one frame per clip, or no
    /// labelled frame has an earlier frame on disk).</exception>
    public static TemporalConsistencyResult MeasureSplit(Segmentor model, IClipDataset sequences, IFlowEstimator estimator,
        Evaluator? evaluator = null, ForwardBackwardCheck? forwardBackward = null, Action<int, int>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(estimator);
        var pairs = new List<PairAgreement>();
        var gaps = new List<int>();
        for (var i = 0; i < sequences.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            // The seed only matters for random sampling policies; sequences use a fixed interval.
            using var clip = sequences.GetClip(i, seed: i);
            if (clip.Neighbours.Count > 0)
            {
                var frames = clip.Neighbours.Select(n => (n.Index, n.Image)).Append((Index: clip.TargetIndex, clip.Image)).OrderBy(f => f.Index).ToList();
                pairs.AddRange(Measure(model, frames.Select(f => f.Image).ToList(), estimator, evaluator, forwardBackward).Pairs);
                gaps.AddRange(frames.Skip(1).Select((f, t) => f.Index - frames[t].Index));
            }
            progress?.Invoke(i + 1, sequences.Count);
        }
        if (pairs.Count == 0)
        {
            throw new ArgumentException(
                $"TemporalConsistency: no clip of '{sequences.Name}' has a neighbour frame; open it with at least two frames per clip, with the frames before its labelled ones on disk.",
                nameof(sequences));
        }
        return new TemporalConsistencyResult(pairs, gaps);
    }
}
