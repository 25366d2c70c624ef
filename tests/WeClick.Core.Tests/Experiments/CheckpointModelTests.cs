using WeClick.Engine;
using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Core.Tests.Experiments;

public sealed class CheckpointModelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("weclick-checkpoint-model-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // Only the header matters to CheckpointModel: a one-tensor module stands in for the network.
    private string Save(string name, CheckpointState? state)
    {
        using var module = nn.Linear(2, 3);
        var run = Path.Combine(folder, name);
        if (state is null)
        {
            Directory.CreateDirectory(run);
            module.SaveWeights(TrainingCheckpoint.BestPath(run));
        }
        else
        {
            TrainingCheckpoint.SaveBest(run, module, state);
        }
        return TrainingCheckpoint.BestPath(run);
    }

    private static CheckpointState State(TrainingRole role, string model, string config) => new(role, model, 2, 3, 30, 0.4, 3, config, []);

    [Fact]
    public void Resolve_TakesRoleAndModelFromTheCheckpoint_WithTheTrainedConfigsSettings()
    {
        var trained = ExperimentPresets.Quick with
        {
            Teacher = new ModelConfig { Name = "pspnet-mobilenetv2", WidthMultiplier = 0.75, OutputStride = 16, BackboneWeights = "x.safetensors" },
        };
        var weights = Save("teacher", State(TrainingRole.Teacher, "pspnet-mobilenetv2", ConfigFile.ToJson(trained)));

        var choice = CheckpointModel.Resolve(ExperimentPresets.Quick, weights);

        Assert.Equal(TrainingRole.Teacher, choice.Role);
        Assert.True(choice.FromCheckpoint);
        Assert.Equal(trained.Teacher with { BackboneWeights = null }, choice.Model); // the trained width and stride, no ImageNet file
        Assert.Equal($"'{weights}': the teacher pspnet-mobilenetv2, as its checkpoint records", choice.Describe());
        Assert.Equal(choice, CheckpointModel.Resolve(ExperimentPresets.Quick, weights, TrainingRole.Teacher));
    }

    [Fact]
    public void Resolve_ThrowsWhenTheRequestedRoleContradictsTheCheckpoint_NamingBoth()
    {
        var weights = Save("student", State(TrainingRole.Student, "deeplabv3plus-mobilenetv2", ConfigFile.ToJson(ExperimentPresets.Quick)));
        var e = Assert.Throws<ArgumentException>(() => CheckpointModel.Resolve(ExperimentPresets.Quick, weights, TrainingRole.Teacher));
        Assert.Equal($"--model teacher, but '{weights}' holds a student (deeplabv3plus-mobilenetv2, seed 2): leave --model out to evaluate the student, or pass a teacher's weights.", e.Message);
    }

    [Fact]
    public void Resolve_PlainWeights_UseTheRequestedOrStudentSection_AndAConfigTextThatIsNoExperimentKeepsTheRecordedName()
    {
        var plain = Save("plain", null);
        var student = CheckpointModel.Resolve(ExperimentPresets.Quick, plain);
        Assert.Equal((TrainingRole.Student, false, ExperimentPresets.Quick.Student), (student.Role, student.FromCheckpoint, student.Model));
        Assert.Equal($"'{plain}' records no run: built as the config's student deeplabv3plus-mobilenetv2", student.Describe());
        // Trained weights hold the whole network, so the ImageNet file the config starts the teacher from is not read.
        Assert.Equal(ExperimentPresets.Quick.Teacher with { BackboneWeights = null }, CheckpointModel.Resolve(ExperimentPresets.Quick, plain, TrainingRole.Teacher).Model);

        var handMade = Save("hand-made", State(TrainingRole.Teacher, "pspnet-resnet18", "{\"test\": true}"));
        var teacher = CheckpointModel.Resolve(ExperimentPresets.Quick, handMade);
        Assert.Equal(ExperimentPresets.Quick.Teacher with { Name = "pspnet-resnet18", BackboneWeights = null }, teacher.Model);

        Assert.Throws<FileNotFoundException>(() => CheckpointModel.Resolve(ExperimentPresets.Quick, Path.Combine(folder, "none.safetensors")));
    }
}
