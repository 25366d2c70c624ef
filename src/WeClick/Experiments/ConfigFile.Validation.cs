using System.Text.RegularExpressions;
using WeClick.Models;
using WeClick.Training;

namespace WeClick.Experiments;

public static partial class ConfigFile
{
    /// <summary>The dataset names a config may use.</summary>
    public static IReadOnlyList<string> DatasetNames { get; } = ["synthetic", "cityscapes", "camvid"];

    /// <summary>
    /// Semantic checks the JSON shape cannot express, each problem a one-line message naming the key and the value:
    /// unknown model or dataset, a data root that does not exist (except for <c>synthetic</c>, generated on demand, and
    /// for inference), ImageNet backbone files that do not exist (training only), empty
    /// seeds, a bad device, non-positive schedule numbers, a clip the sampling policy rejects, n &lt; 2 with MFD on, and
    /// the settings records' own checks (synthetic video, Gated CRF, KD, MFD, flow).
    /// </summary>
    /// <param name="config">The config.</param>
    /// <param name="baseDirectory">What relative paths are relative to (default: the current directory).</param>
    /// <param name="use">Which files on disk the command needs (<see cref="ConfigUse"/>): inference requires neither the
    /// dataset nor the ImageNet backbone files, evaluation not the backbone files.</param>
    /// <returns>The problems, empty for a usable config.</returns>
    public static IReadOnlyList<string> Validate(ExperimentConfig config, string? baseDirectory = null, ConfigUse use = ConfigUse.Training)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<string>();
        string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), path);
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
        void Try(Action validate)
        {
            try
            {
                validate();
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                problems.Add(OneLine(e.Message));
            }
        }

        Check(!string.IsNullOrWhiteSpace(config.Name), "name must not be empty.");

        var data = config.Data;
        Check(DatasetNames.Contains(data.Dataset), $"data.dataset: unknown dataset '{data.Dataset}' (known: {string.Join(", ", DatasetNames)}).");
        if (data.Dataset != "synthetic" && use != ConfigUse.Inference)
        {
            Check(Directory.Exists(Resolve(data.Root)), $"data.root: '{data.Root}' does not exist (dataset '{data.Dataset}' is read from it).");
        }
        if (data.NeighboursFolder is { } neighbours)
        {
            Check(data.Dataset == "camvid", $"data.neighboursFolder is read for camvid only (dataset '{data.Dataset}' holds its own sequences): set it to null.");
            Check(use == ConfigUse.Inference || Directory.Exists(Resolve(neighbours)),
                $"data.neighboursFolder: '{neighbours}' does not exist (frames extracted from the 30 fps CamVid videos, see data-scripts/camvid/README.md; or set it to null).");
        }
        Check(data.Root.Length > 0, "data.root must not be empty.");
        Check(data.TrainSplit.Length > 0 && data.ValSplit.Length > 0, "data.trainSplit and data.valSplit must not be empty.");
        Check(data.Workers >= 0, $"data.workers must be >= 0, got {data.Workers}.");
        if (data.Dataset == "synthetic")
        {
            Try(() => data.Synthetic.Validate());
        }

        Check(config.Clicks.Radius >= 0, $"clicks.radius must be >= 0, got {config.Clicks.Radius}.");
        Check(config.Clicks.MinimumArea is null or >= 0, $"clicks.minimumArea must be >= 0 or null, got {config.Clicks.MinimumArea}.");

        foreach (var (key, model) in new[] { ("teacher", config.Teacher), ("student", config.Student) })
        {
            Check(ModelCatalog.Names.Contains(model.Name), $"{key}.name: unknown model '{model.Name}' (known: {string.Join(", ", ModelCatalog.Names)}).");
            Check(model.OutputStride is null or 8 or 16, $"{key}.outputStride must be 8, 16 or null, got {model.OutputStride}.");
            Check(model.WidthMultiplier > 0, $"{key}.widthMultiplier must be > 0, got {model.WidthMultiplier}.");
            Check(model.BackboneWeights is null || use != ConfigUse.Training || File.Exists(Resolve(model.BackboneWeights)), $"{key}.backboneWeights: '{model.BackboneWeights}' does not exist (make it: `weclick models` lists each backbone's command; `weclick weights import` for resnet18; or set it to null).");
        }

        var loss = config.Loss;
        foreach (var (key, weight) in new[] { ("alpha", loss.Alpha), ("beta", loss.Beta), ("gamma", loss.Gamma), ("lambda", loss.Lambda) })
        {
            Check(weight >= 0 && double.IsFinite(weight), $"loss.{key} must be a finite number >= 0, got {weight}.");
        }
        Try(loss.GatedCrf.Validate);
        Try(() => loss.Distillation.Validate());
        Try(() => loss.MemoryFlow.Validate());

        Check(config.Clip.Frames >= 1, $"clip.frames must be >= 1, got {config.Clip.Frames}.");
        Check(config.Clip.Frames >= 2 || loss.Beta == 0, $"clip.frames is {config.Clip.Frames} but loss.beta is {loss.Beta}: MFD needs neighbours (clip.frames >= 2), or set loss.beta=0.");
        Try(() => config.Clip.ToPolicy());
        Try(() => config.Flow.Validate());

        CheckSchedule("teacherSchedule", config.TeacherSchedule, problems);
        CheckSchedule("studentSchedule", config.StudentSchedule, problems);

        var evaluation = config.Evaluation;
        Check(evaluation.Scales.Count > 0 && evaluation.Scales.All(s => s > 0 && double.IsFinite(s)), $"evaluation.scales must be a non-empty list of positive numbers, got [{string.Join(", ", evaluation.Scales)}].");
        Check(evaluation.SpeedFrames >= 1, $"evaluation.speedFrames must be >= 1, got {evaluation.SpeedFrames}.");
        Check(evaluation.TemporalFrames == 0 || evaluation.TemporalFrames >= 2, $"evaluation.temporalFrames must be 0 (off) or >= 2, got {evaluation.TemporalFrames}.");

        Check(config.Seeds.Count > 0, "seeds must not be empty (one run per seed).");
        Check(config.Seeds.Distinct().Count() == config.Seeds.Count, $"seeds must be distinct, got [{string.Join(", ", config.Seeds)}].");
        Check(DevicePattern().IsMatch(config.Device), $"device: '{config.Device}' is not cpu, cuda or cuda:N.");
        Check(config.Threads >= 0, $"threads must be >= 0 (0 = every core), got {config.Threads}.");
        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="ConfigException">The problems, joined with "; " into one line.</exception>
    public static void ThrowIfInvalid(ExperimentConfig config, string? baseDirectory = null, ConfigUse use = ConfigUse.Training)
    {
        var problems = Validate(config, baseDirectory, use);
        if (problems.Count > 0)
        {
            throw new ConfigException(string.Join("; ", problems));
        }
    }

    private static void CheckSchedule(string key, ScheduleConfig s, List<string> problems)
    {
        void Check(bool ok, string name, object value, string rule)
        {
            if (!ok)
            {
                problems.Add(FormattableString.Invariant($"{key}.{name} must be {rule}, got {value}."));
            }
        }
        Check(s.LearningRate > 0 && double.IsFinite(s.LearningRate), "learningRate", s.LearningRate, "> 0");
        Check(s.Momentum >= 0 && s.Momentum < 1, "momentum", s.Momentum, "in [0, 1)");
        Check(s.WeightDecay >= 0, "weightDecay", s.WeightDecay, ">= 0");
        Check(s.PolyPower >= 0, "polyPower", s.PolyPower, ">= 0");
        Check(s.BatchSize >= 1, "batchSize", s.BatchSize, ">= 1");
        Check(s.CropHeight >= 1, "cropHeight", s.CropHeight, ">= 1");
        Check(s.CropWidth >= 1, "cropWidth", s.CropWidth, ">= 1");
        Check(s.MinScale > 0, "minScale", s.MinScale, "> 0");
        Check(s.MaxScale >= s.MinScale, "maxScale", s.MaxScale, $">= minScale ({s.MinScale})");
        Check(s.FlipProbability is >= 0 and <= 1, "flipProbability", s.FlipProbability, "in [0, 1]");
        Check(s.Epochs >= 1, "epochs", s.Epochs, ">= 1");
        Check(s.EvaluateEvery >= 0, "evaluateEvery", s.EvaluateEvery, ">= 0 (0 = only after the last epoch)");
    }

    [GeneratedRegex(@"^(cpu|cuda(:\d+)?)$")]
    private static partial Regex DevicePattern();
}
