using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using WeClick.Clicks;
using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Engine;
using WeClick.Evaluation;
using WeClick.Flow;
using WeClick.Models;
using WeClick.Models.Backbones;
using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Experiments;

/// <summary>
/// Turns an <see cref="ExperimentConfig"/> into the objects a run needs: the dataset splits with clicks and flows, the
/// networks, the click settings — one place, so that the CLI, the notebooks and the tests build runs the same way.
/// </summary>
public static partial class ExperimentSetup
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

    /// <summary>Builds a network of the catalogue for <paramref name="classes"/> classes, with ImageNet weights if configured.</summary>
    public static Segmentor CreateModel(ModelConfig model, long classes, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var segmentor = ModelCatalog.Create(model.Name, new ModelOptions(classes, model.OutputStride, model.WidthMultiplier));
        if (model.BackboneWeights is { } weights)
        {
            if (!File.Exists(weights))
            {
                segmentor.Dispose();
                throw new FileNotFoundException(
                    $"Backbone weights '{weights}' do not exist: make them (`weclick weights import` for resnet18, data-scripts/weights/convert_torchvision.py for the others; `weclick models` lists each) or pass --set <teacher|student>.backboneWeights=null.", weights);
            }
            ImageNetWeights.Load(segmentor.Backbone, weights);
        }
        if (device is { } d)
        {
            segmentor.to(d);
        }
        return segmentor;
    }

    /// <summary>
    /// What a run's network starts from, for its log: <c>deeplabv3plus-resnet18 backbone initialised from '&lt;file&gt;'
    /// (&lt;the file's "source" metadata&gt;)</c>, or null without (existing) backbone weights. The pretrained weights decide
    /// much of a result, so a run says which it used.
    /// </summary>
    public static string? DescribeBackboneWeights(ModelConfig model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.BackboneWeights is not { } weights || !File.Exists(weights))
        {
            return null;
        }
        var origin = Safetensors.ReadHeader(weights).Metadata.TryGetValue("source", out var source) ? $" ({source})" : "";
        return $"{model.Name} backbone initialised from '{weights}'{origin}";
    }

    /// <summary>A network of the catalogue with trained weights (a run's <c>best.safetensors</c>), for evaluation and inference.</summary>
    /// <exception cref="FileNotFoundException">The weights file does not exist (named).</exception>
    public static Segmentor LoadTrained(ModelConfig model, long classes, string weights, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"Trained weights '{weights}' do not exist.", weights);
        }
        var segmentor = CreateModel(model with { BackboneWeights = null }, classes, device);
        try
        {
            segmentor.LoadWeights(weights);
            return segmentor;
        }
        catch
        {
            segmentor.Dispose();
            throw;
        }
    }

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
        var dataset = OpenSplit(config, config.Data.ValSplit, clicks: false);
        var evaluator = new Evaluator(config.Evaluation);
        return model => MetricValues(evaluator.Evaluate(model, dataset).Metrics);
    }

    /// <summary>
    /// Sets up libtorch for a run of <paramref name="config"/>: its <c>threads</c> intra-op threads, 0 = every core
    /// (<see cref="TorchEngine.Configure"/>). Training calls it at the start of each run; other commands call it first.
    /// </summary>
    /// <returns>The thread count in effect.</returns>
    public static int ConfigureEngine(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return TorchEngine.Configure(config.Threads);
    }

    /// <summary>The device named by <c>device</c> (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>).</summary>
    /// <exception cref="ArgumentException">Another name, or CUDA on a build without it (with what to do).</exception>
    public static Device ParseDevice(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == "cpu")
        {
            return torch.CPU;
        }
        if (name == "cuda" || name.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
            {
                throw new ArgumentException($"device '{name}': CUDA is not available in this build or machine (see environment.md, 'CUDA'); use --set device=cpu.");
            }
            var index = name == "cuda" ? 0 : int.Parse(name["cuda:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return new Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"device '{name}' is not cpu, cuda or cuda:N.");
    }
}
