using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Core.Tests.Training;

/// <summary>A tiny synthetic dataset written once, and a config that trains on it in seconds.</summary>
public sealed class TinyExperiment : IDisposable
{
    public TinyExperiment()
    {
        Config = ExperimentPresets.Quick with
        {
            Name = "tiny",
            Data = new DataConfig
            {
                Dataset = "synthetic",
                Root = Path.Combine(Root, "data"),
                Synthetic = new SyntheticVideoSettings { Width = 64, Height = 32, SnippetLength = 22, LabelledIndex = 19, TrainSnippets = 4, ValSnippets = 2, Seed = 1 },
                Workers = 0,
            },
            Teacher = new ModelConfig { Name = "deeplabv3plus-mobilenetv2", WidthMultiplier = 0.5 },
            Student = new ModelConfig { Name = "deeplabv3plus-mobilenetv2", WidthMultiplier = 0.25 },
            Clip = new ClipConfig { Frames = 3 }, // the paper's n, whatever the quick preset uses
            TeacherSchedule = new ScheduleConfig { LearningRate = 0.02, BatchSize = 2, CropHeight = 32, CropWidth = 64, MinScale = 1, MaxScale = 1.25, Epochs = 4, EvaluateEvery = 2 },
            StudentSchedule = new ScheduleConfig { LearningRate = 0.02, BatchSize = 2, CropHeight = 32, CropWidth = 64, MinScale = 1, MaxScale = 1.25, Epochs = 3, EvaluateEvery = 0 },
            Flow = new WeClick.Flow.FlowSettings(WeClick.Flow.FlowMethod.GroundTruth),
            Seeds = [0],
            Threads = 2,
        };
        ExperimentData.EnsureData(Config);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("weclick-training-").FullName;

    public ExperimentConfig Config { get; }

    /// <summary>The first two training clips of <paramref name="frames"/> frames (target + forward neighbours), collated and
    /// ImageNet-normalised as the loader makes them.</summary>
    public ClipBatch Batch(int frames = 1)
    {
        var dataset = ExperimentData.OpenSplit(Config, Config.Data.TrainSplit, frames);
        var clips = new[] { dataset.GetClip(0, 0), dataset.GetClip(1, 0) };
        try
        {
            return ClipBatch.Collate(clips, ImageNormalization.ImageNet);
        }
        finally
        {
            foreach (var clip in clips)
            {
                clip.Dispose();
            }
        }
    }

    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
