using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Core.Tests.Experiments;

/// <summary>One naming of a workspace: folders, titles and labels, as the CLI, the notebooks and the sweeps use them.</summary>
public sealed class RunLayoutTests
{
    [Fact]
    public void Folders_AreUnderTheConfigsName_OnePerIdentity()
    {
        var layout = new RunLayout("ws");
        var config = ExperimentPresets.Quick;
        Assert.Equal(Path.Combine("ws", "results.sqlite"), layout.Store);
        Assert.Equal(Path.Combine("ws", "flow-cache"), layout.FlowCache);
        Assert.Equal(Path.Combine("ws", "quick", "report"), layout.ReproductionReport(config));
        Assert.Equal(Path.Combine("ws", "quick", "experiments", "table2"), layout.ExperimentReport(config, "table2"));
        Assert.Equal(Path.Combine("ws", "quick", $"teacher-seed0-{RunIdentity.Key(config, TrainingRole.Teacher, 0)}"),
            layout.RunFolder(config, TrainingRole.Teacher, "weakly", 0));
        Assert.Equal(Path.Combine("ws", "quick", $"student-weakly+KD-seed1-{RunIdentity.Key(config, TrainingRole.Student, 1)}"),
            layout.RunFolder(config, TrainingRole.Student, "weakly+KD", 1));
        // A teacher key changes the teacher's folder; a student-only key leaves it.
        var otherTeacher = ConfigFile.ApplyOverrides(config, ["teacherSchedule.epochs=3"]);
        Assert.NotEqual(layout.RunFolder(config, TrainingRole.Teacher, "weakly", 0), layout.RunFolder(otherTeacher, TrainingRole.Teacher, "weakly", 0));
        Assert.Equal(layout.RunFolder(config, TrainingRole.Teacher, "weakly", 0),
            layout.RunFolder(ConfigFile.ApplyOverrides(config, ["studentSchedule.epochs=9"]), TrainingRole.Teacher, "weakly", 0));
        Assert.Throws<ArgumentException>(() => layout.ExperimentReport(config, ""));
    }

    [Fact]
    public void TitlesAndLabels_SayTheRoleOnce()
    {
        Assert.Equal("teacher weakly", RunLayout.TeacherLabel("weakly"));
        Assert.Equal("teacher weakly · pspnet-resnet18", RunLayout.TeacherLabel("weakly", "pspnet-resnet18"));
        Assert.Equal("teacher dense seed 0", RunLayout.Title(TrainingRole.Teacher, RunLayout.TeacherLabel("dense"), 0));
        Assert.Equal("student forward seed 2", RunLayout.Title(TrainingRole.Student, "forward", 2));
        Assert.Equal("teacher weakly (deeplabv3plus-resnet18)", RunLayout.RowWithModel(TrainingRole.Teacher, "teacher weakly", "deeplabv3plus-resnet18"));
        Assert.Equal("student weakly+KD (m)", RunLayout.RowWithModel(TrainingRole.Student, "weakly+KD", "m"));
    }
}
