using TorchSharp;
using WeClick.Data;
using WeClick.Flow;
using WeClick.Models;
using WeClick.Training;
using static TorchSharp.torch;

namespace WeClick.Experiments;

/// <summary>
/// Trains an experiment's teacher and students from its config (WeClick Fig. 3): builds the split, the loader with the
/// schedule's augmentation, the network and the step, and runs <see cref="TrainingLoop"/> in a run folder.
/// </summary>
public static class ExperimentTraining
{
    /// <summary>Trains the teacher with weakly = pCE + λ·GatedCRF (Fig. 3a).</summary>
    /// <param name="config">The experiment (its <c>teacher</c>, <c>teacherSchedule</c> and <c>loss</c> sections).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="folder">The run folder.</param>
    /// <param name="configJson">The config as JSON text, stored in the checkpoints (resume checks it).</param>
    /// <param name="hooks">Observer, validation, resume.</param>
    public static TrainingResult TrainTeacher(ExperimentConfig config, int seed, string folder, string configJson, TrainingHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        hooks ??= new TrainingHooks();
        ExperimentDevice.ConfigureEngine(config);
        var device = ExperimentDevice.ParseDevice(config.Device);
        var dataset = ExperimentData.OpenSplit(config, config.Data.TrainSplit);
        manual_seed(seed);
        using var model = ExperimentModels.CreateModel(config.Teacher, dataset.Classes.Count, device);
        using var loader = Loader(dataset, config.TeacherSchedule, config.Data.Workers, seed);
        var step = new Training.TeacherStep(config.Loss.ToLossSettings(), config.Loss.GatedCrf, device);
        return TrainingLoop.Run(TrainingRole.Teacher, model, loader, config.TeacherSchedule, step, Options(folder, seed, configJson, hooks, device));
    }

    /// <summary>
    /// Trains the student with Eq. 5 (Fig. 3b): the teacher's weights from <paramref name="teacherWeights"/> (frozen),
    /// clips of <see cref="StudentFrames"/> frames per <c>clip</c>, and flows from <c>flow</c> through a cache in
    /// <paramref name="flowCache"/> when MFD is on (β &gt; 0).
    /// </summary>
    /// <param name="config">The experiment.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="folder">The run folder.</param>
    /// <param name="configJson">The config as JSON text, stored in the checkpoints.</param>
    /// <param name="teacherWeights">The trained teacher (<c>best.safetensors</c> of its run); may be null when β = γ = 0.</param>
    /// <param name="flowCache">The flow cache folder (shared by runs; keyed by estimator).</param>
    /// <param name="hooks">Observer, validation, resume.</param>
    public static TrainingResult TrainStudent(ExperimentConfig config, int seed, string folder, string configJson, string? teacherWeights, string flowCache, TrainingHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        hooks ??= new TrainingHooks();
        ExperimentDevice.ConfigureEngine(config);
        var device = ExperimentDevice.ParseDevice(config.Device);
        var lossSettings = config.Loss.ToLossSettings();
        var frames = StudentFrames(config);
        if (lossSettings.Beta > 0 && frames < 2)
        {
            throw new ArgumentException($"MFD (loss.beta = {lossSettings.Beta}) needs neighbour frames: set clip.frames ≥ 2 (it is {config.Clip.Frames}) or loss.beta=0.");
        }
        // Flows serve MFD alone: KD over every frame needs the neighbours, not their motion.
        using var flows = frames > 1 && lossSettings.Beta > 0 ? FlowProvider.Create(config.Flow, flowCache) : null;
        var dataset = ExperimentData.OpenSplit(config, config.Data.TrainSplit, frames, flows);
        if (ExperimentData.NeighbourWarning(ExperimentData.SummarizeNeighbours(config, config.Data.TrainSplit, frames)) is { } warning)
        {
            (hooks.Log ?? Console.Error.WriteLine)(warning);
        }
        Segmentor? teacher = null;
        try
        {
            if (lossSettings.Beta > 0 || lossSettings.Gamma > 0)
            {
                if (teacherWeights is null || !File.Exists(teacherWeights))
                {
                    throw new FileNotFoundException(
                        $"The student's KD/MFD need the trained teacher, but '{teacherWeights}' does not exist: train it first (weclick train teacher).", teacherWeights);
                }
                teacher = ExperimentModels.LoadTrained(config.Teacher, dataset.Classes.Count, teacherWeights, device);
            }
            manual_seed(seed);
            using var model = ExperimentModels.CreateModel(config.Student, dataset.Classes.Count, device);
            using var loader = Loader(dataset, config.StudentSchedule, config.Data.Workers, seed);
            var step = new StudentStep(lossSettings, config.Loss.GatedCrf, teacher, device);
            return TrainingLoop.Run(TrainingRole.Student, model, loader, config.StudentSchedule, step, Options(folder, seed, configJson, hooks, device));
        }
        finally
        {
            teacher?.Dispose();
        }
    }

    /// <summary>
    /// Frames per clip the student of <paramref name="config"/> loads: <c>clip.frames</c> when a term of its loss uses the
    /// neighbours (MFD, or KD over every input frame: <see cref="StudentStep.UsesNeighbours"/>), else 1 (the target alone).
    /// </summary>
    public static int StudentFrames(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return StudentStep.UsesNeighbours(config.Loss.ToLossSettings()) ? config.Clip.Frames : 1;
    }

    /// <summary>The training loader of a split with the schedule's augmentation and ImageNet normalisation.</summary>
    public static ClipLoader Loader(IClipDataset dataset, ScheduleConfig schedule, int workers, int seed)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new ClipLoader(dataset, new ClipLoaderOptions(schedule.BatchSize, seed, Shuffle: true, DropLast: true, Workers: workers)
        {
            Augmentation = new AugmentationSettings(schedule.MinScale, schedule.MaxScale, schedule.CropHeight, schedule.CropWidth, schedule.FlipProbability),
            Normalization = ImageNormalization.ImageNet,
        });
    }

    private static TrainingRunOptions Options(string folder, int seed, string configJson, TrainingHooks hooks, Device device) => new()
    {
        Folder = folder,
        Seed = seed,
        Config = configJson,
        Resume = hooks.Resume,
        Observer = hooks.Observer,
        Validate = hooks.Validate,
        Device = device,
        Cancellation = hooks.Cancellation,
    };
}
