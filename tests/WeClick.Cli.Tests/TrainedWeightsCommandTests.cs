using WeClick.Experiments;
using WeClick.Training;
using static TorchSharp.torch;

namespace WeClick.Cli.Tests;

/// <summary>
/// <c>eval</c> and <c>infer</c> build the network a weights file records (CheckpointModel, one helper for both), and
/// <c>infer</c> needs neither the training data nor the ImageNet backbone files.
/// </summary>
public sealed class TrainedWeightsCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-cli-trained-");

    public void Dispose() => folder.Delete(recursive: true);

    // A best.safetensors as a run writes it (weights and checkpoint state) for a freshly built network of the config:
    // what matters here is which network the weights fit, not what they learned.
    private string Checkpoint(ExperimentConfig config, TrainingRole role, string name)
    {
        var section = role == TrainingRole.Teacher ? config.Teacher : config.Student;
        using var model = ExperimentModels.CreateModel(section with { BackboneWeights = null }, 11);
        var run = Path.Combine(folder.FullName, name);
        TrainingCheckpoint.SaveBest(run, model, new CheckpointState(role, model.Name, 0, 1, 1, 0.5, 1, ConfigFile.ToJson(config), []));
        return TrainingCheckpoint.BestPath(run);
    }

    [Fact]
    public void Eval_OfATeachersWeights_BuildsTheTeacherItsCheckpointRecords_AndRefusesAContradictingModel()
    {
        var root = Path.Combine(folder.FullName, "data");
        var synth = CliRunner.Run("data", "synth", "--out", root, "--train", "1", "--val", "1", "--width", "64", "--height", "32");
        Assert.True(synth.ExitCode == 0, synth.Stderr);
        // Trained as a teacher other than the quick preset's (DeepLabV3+ R18): only the checkpoint can tell.
        var trainedWith = ExperimentPresets.Quick with { Teacher = new ModelConfig { Name = "deeplabv3plus-mobilenetv2", WidthMultiplier = 0.5 } };
        var weights = Checkpoint(trainedWith, TrainingRole.Teacher, "teacher");
        string[] eval = ["eval", "--preset", "quick", "--workspace", Path.Combine(folder.FullName, "ws"), "--set", $"data.root={root}",
            "--set", "data.workers=0", "--set", "threads=2", "--weights", weights];

        var result = CliRunner.Run(eval);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"'{weights}': the teacher deeplabv3plus-mobilenetv2, as its checkpoint records", result.Stderr);
        Assert.StartsWith("deeplabv3plus-mobilenetv2 on synthetic/val (1 frames): mIoU", result.Stdout);
        Assert.DoesNotContain("missing", result.Stderr);

        var asTeacher = CliRunner.Run([.. eval, "--model", "teacher"]);
        Assert.True(asTeacher.ExitCode == 0, asTeacher.Stderr);

        var contradicted = CliRunner.Run([.. eval, "--model", "student"]);
        Assert.Equal(2, contradicted.ExitCode);
        Assert.Equal(
            $"weclick: --model student, but '{weights}' holds a teacher (deeplabv3plus-mobilenetv2, seed 0): leave --model out to evaluate the teacher, or pass a student's weights.",
            contradicted.Stderr.Trim());
    }

    [Fact]
    public void Infer_NeedsNeitherTheTrainingDataNorTheImageNetFiles()
    {
        // The camvid preset names data/camvid and data/weights/*_imagenet.safetensors, none of which exist here.
        var camvid = ExperimentPresets.CamVid;
        Assert.False(Directory.Exists(camvid.Data.Root));
        var weights = Checkpoint(camvid, TrainingRole.Student, "student");
        var images = Directory.CreateDirectory(Path.Combine(folder.FullName, "images")).FullName;
        for (var i = 0; i < 2; i++)
        {
            using var image = randint(0, 256, [48, 64, 3], dtype: ScalarType.Byte);
            WeClick.Vision.Image.Write(Path.Combine(images, $"frame{i}.png"), image);
        }
        var masks = Path.Combine(folder.FullName, "masks");

        var result = CliRunner.Run("infer", "--preset", "camvid", "--set", "device=cpu", "--set", "threads=2", "--workspace", Path.Combine(folder.FullName, "ws"),
            "--weights", weights, "--input", images, "--out", masks);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"'{weights}': the student deeplabv3plus-resnet18, as its checkpoint records", result.Stderr);
        Assert.Equal(4, Directory.GetFiles(masks).Length); // a mask and an overlay per image
    }
}
