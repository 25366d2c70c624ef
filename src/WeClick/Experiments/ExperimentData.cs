using System.Text.Json;
using System.Text.Json.Nodes;
using WeClick.Clicks;
using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Flow;

namespace WeClick.Experiments;

/// <summary>
/// The data of an experiment config: the synthetic video written where <c>data.root</c> says, the splits opened with clicks
/// and (for clips) neighbours and flows, and what the clips hold before any image is read. The CLI, the notebooks, the
/// sweeps and the tests open data here, so all of them see the same frames.
/// </summary>
public static class ExperimentData
{
    private static readonly JsonSerializerOptions SettingsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>
    /// For the synthetic dataset: writes it under <c>data.root</c> unless a copy with the same settings is already there
    /// (a copy with other settings is an error naming them). Other datasets: checks that the root exists.
    /// </summary>
    /// <returns>True when the data was written now.</returns>
    /// <exception cref="DirectoryNotFoundException">A real dataset's root does not exist (with where to get it).</exception>
    public static bool EnsureData(ExperimentConfig config, IProgress<SyntheticWriteProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var data = config.Data;
        if (data.Dataset != "synthetic")
        {
            if (!Directory.Exists(data.Root))
            {
                throw new DirectoryNotFoundException(
                    $"data.root '{data.Root}' does not exist: put {data.Dataset} there (see data-scripts/{data.Dataset}/README.md) or pass --set data.root=PATH.");
            }
            return false;
        }
        var descriptor = Path.Combine(data.Root, SyntheticDatasetWriter.DescriptorFileName);
        if (File.Exists(descriptor) && JsonNode.Parse(File.ReadAllText(descriptor))?[SyntheticDatasetWriter.SettingsKey] is JsonNode existing
            && JsonNode.DeepEquals(existing, JsonSerializer.SerializeToNode(data.Synthetic.Validate(), SettingsJson)))
        {
            return false;
        }
        SyntheticDatasetWriter.Write(data.Root, data.Synthetic, progress);
        return true;
    }

    /// <summary>The click settings for the dataset's classes (instance classes from the dataset) and the config.</summary>
    public static ClickSettings ClickSettings(ExperimentConfig config, ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(classes);
        return new ClickSettings
        {
            InstanceClasses = classes.InstanceClasses.ToHashSet(),
            IgnoreIndex = 255,
            Seed = config.Clicks.Seed,
            Radius = config.Clicks.Radius,
            MinimumAreaOverride = config.Clicks.MinimumArea,
        };
    }

    /// <summary>Opens a split with clicks (and, with <paramref name="frames"/> ≥ 2, neighbours and their flows).</summary>
    /// <param name="config">The experiment.</param>
    /// <param name="split">Split name (<c>data.trainSplit</c> or <c>data.valSplit</c>).</param>
    /// <param name="frames">Frames per clip, the target included (1 = single frames).</param>
    /// <param name="flows">The flow source for neighbours (null: clips without flows).</param>
    /// <param name="clicks">Generate clicks (training); false for evaluation, which reads dense labels only.</param>
    /// <param name="missing">CamVid: what a clip does where a neighbour is not on disk (<c>data.neighboursFolder</c> and the
    /// split's labelled frames): the nearest available frame by default (<see cref="NeighbourSummary"/> and
    /// <see cref="NeighbourWarning"/> say how far apart the frames then are).</param>
    public static IClipDataset OpenSplit(ExperimentConfig config, string split, int frames = 1, FlowProvider? flows = null, bool clicks = true,
        MissingNeighbours missing = MissingNeighbours.NearestAvailable)
    {
        ArgumentNullException.ThrowIfNull(config);
        var classes = config.Data.Dataset switch
        {
            "camvid" => ClassSet.CamVid,
            "cityscapes" or "synthetic" => DatasetDescriptor.ForRoot(config.Data.Root).Classes,
            var other => throw new ArgumentException($"data.dataset '{other}' is not one of synthetic, cityscapes, camvid."),
        };
        var options = new ClipDatasetOptions(frames, config.Clip.Direction, frames > 1 ? config.Clip.ToPolicy() : null)
        {
            FlowSource = frames > 1 && flows is not null ? flows.Get : null,
            MissingNeighbours = missing,
            Clicks = clicks ? ClickSource.Generate(ClickSettings(config, classes)) : null,
        };
        return config.Data.Dataset == "camvid"
            ? new CamVidDataset(config.Data.Root, split, config.Data.NeighboursFolder, options)
            : new CityscapesDataset(config.Data.Root, split, options);
    }

    /// <summary>
    /// How a split's clips of <paramref name="frames"/> frames stand against the neighbours they want, without reading an
    /// image: for CamVid <see cref="CamVidDataset.Summarize"/> (throws when a clip cannot be formed at all), null for the
    /// datasets that hold whole sequences. Sweeps call it (<see cref="NeighbourNotes"/>) before training anything.
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
    internal static IClipDataset OpenTemporalRuns(ExperimentConfig config, string split, int frames)
    {
        RequireTemporalRun(frames);
        return OpenSplit(config with { Clip = config.Clip with { Direction = FrameDirection.Forward, Sampling = "fixed", Interval = 1 } },
            split, frames, flows: null, clicks: false, MissingNeighbours.Skip);
    }

    // Temporal consistency compares consecutive frames, so a run needs two (the models' runs and the ground truth's alike).
    internal static void RequireTemporalRun(int frames)
    {
        if (frames < 2)
        {
            throw new ArgumentException($"Temporal consistency needs runs of at least 2 frames, got {frames} (evaluation.temporalFrames).", nameof(frames));
        }
    }

    /// <summary>
    /// What the students' clips and temporal consistency's runs hold, without reading an image: how far apart their frames
    /// are, and for CamVid without <c>data.neighboursFolder</c> how many fell back to labelled frames. A sweep
    /// (<see cref="SweepRunner.Run"/>) calls it for every point before any training (a clip or run that cannot be formed
    /// stops it there), passes the warnings to <paramref name="log"/>, and the reproduction's report prints the lines under
    /// "Neighbour frames".
    /// </summary>
    /// <returns>One line per check: the student clips (when a row loads neighbours), temporal consistency (when measured).</returns>
    /// <exception cref="FileNotFoundException">A student clip cannot be formed (named).</exception>
    /// <exception cref="ArgumentException">Temporal consistency has no pair to compare (the message says what to set).</exception>
    public static IReadOnlyList<string> NeighbourNotes(ExperimentConfig config, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(log);
        var lines = new List<string>();
        var frames = ExperimentTraining.StudentFrames(config with { Loss = TrainingSchemes.StudentRows[^1].Loss(config.Loss) });
        if (frames > 1)
        {
            var clips = SummarizeNeighbours(config, config.Data.TrainSplit, frames);
            lines.Add("Student clips: " + (clips?.Describe() ?? FormattableString.Invariant(
                $"{config.Data.Dataset}/{config.Data.TrainSplit}: every clip has its {frames - 1} {(frames == 2 ? "neighbour" : "neighbours")} in the video, at the wanted spacing.")));
            if (NeighbourWarning(clips) is { } warning)
            {
                log(warning);
            }
        }
        if (config.Evaluation.TemporalFrames >= 2)
        {
            var runs = ExperimentEvaluation.PlanTemporalConsistency(config, config.Data.ValSplit, config.Evaluation.TemporalFrames);
            lines.Add("Temporal consistency: " + (runs?.Describe() ?? FormattableString.Invariant(
                $"{config.Data.Dataset}/{config.Data.ValSplit}: runs of {config.Evaluation.TemporalFrames} adjacent video frames (1 frame apart).")));
            if (runs is { Complete: false })
            {
                log($"note: temporal consistency is measured over the frames that exist: {runs.Describe()}");
            }
        }
        return lines;
    }
}
