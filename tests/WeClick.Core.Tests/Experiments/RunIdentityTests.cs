using WeClick.Core.Tests.Training;
using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Core.Tests.Experiments;

public sealed class RunIdentityTests(TinyExperiment tiny) : IClassFixture<TinyExperiment>
{
    // Keys no teacher reads (student, its schedule, clip, flow, KD/MFD, the other seeds, TC and speed) and the hardware.
    private static readonly string[] StudentOnly =
    [
        "student.name=pspnet-resnet18", "student.widthMultiplier=0.5", "studentSchedule.epochs=9", "clip.frames=2", "clip.direction=biDirection",
        "flow.method=dis", "loss.beta=0.5", "loss.gamma=2", "loss.kdFrames=target", "loss.distillation.temperature=2", "seeds=[0,7]",
        "evaluation.temporalFrames=3", "evaluation.speedFrames=3", "device=cuda", "threads=1", "data.workers=3",
    ];

    [Fact]
    public void TeacherIdentity_IsItsOwnConfig_AndTheStudentsIgnoresOnlyTheHardware()
    {
        var config = ExperimentPresets.Quick;
        var teacher = RunIdentity.Json(config, TrainingRole.Teacher, 0);
        foreach (var key in StudentOnly)
        {
            Assert.Equal(teacher, RunIdentity.Json(ConfigFile.ApplyOverrides(config, [key]), TrainingRole.Teacher, 0));
        }
        foreach (var key in new[]
                 {
                     "teacher.name=pspnet-resnet18", "teacherSchedule.epochs=3", "teacherSchedule.learningRate=0.1", "loss.lambda=0.2",
                     "loss.alpha=2", "loss.gatedCrf.radius=3", "clicks.radius=1", "data.root=elsewhere", "data.synthetic.seed=4",
                     "evaluation.flip=true", "name=other", "loss.supervision=dense", "teacherSchedule.selection=validation",
                 })
        {
            Assert.NotEqual(teacher, RunIdentity.Json(ConfigFile.ApplyOverrides(config, [key]), TrainingRole.Teacher, 0));
        }
        Assert.NotEqual(teacher, RunIdentity.Json(config, TrainingRole.Teacher, 1));
        Assert.NotEqual(new RunLayout("ws").RunFolder(config, TrainingRole.Teacher, "weakly", 0),
            new RunLayout("ws").RunFolder(ConfigFile.ApplyOverrides(config, ["teacherSchedule.epochs=3"]), TrainingRole.Teacher, "weakly", 0));
        Assert.Matches(@"^ws/quick/teacher-seed0-[0-9a-f]{8}$", new RunLayout("ws").RunFolder(config, TrainingRole.Teacher, "weakly", 0));

        var student = RunIdentity.Json(config, TrainingRole.Student, 0);
        Assert.Equal(student, RunIdentity.Json(ConfigFile.ApplyOverrides(config, ["device=cuda", "threads=1", "data.workers=3"]), TrainingRole.Student, 0));
        Assert.NotEqual(student, RunIdentity.Json(ConfigFile.ApplyOverrides(config, ["teacherSchedule.epochs=3"]), TrainingRole.Student, 0));
        Assert.NotEqual(student, RunIdentity.Json(ConfigFile.ApplyOverrides(config, ["studentSchedule.epochs=3"]), TrainingRole.Student, 0));
    }

    [Fact]
    public void RecordedTraining_ReusesTheFinishedTeacherAfterStudentOnlyChanges_AndTrainsAChangedTeacherInAFolderOfItsOwn()
    {
        var workspace = tiny.NewFolder("identity");
        var config = tiny.Config with
        {
            TeacherSchedule = tiny.Config.TeacherSchedule with { Epochs = 1, EvaluateEvery = 0 },
            Evaluation = tiny.Config.Evaluation with { TemporalFrames = 0 },
        };
        using var store = ResultStore.ForWorkspace(workspace);
        var validation = ExperimentData.OpenSplit(config, config.Data.ValSplit, clicks: false);
        var log = new List<string>();
        var options = new SweepOptions { Workspace = workspace, Log = log.Add };
        string Teacher(ExperimentConfig c) => RecordedTraining.Train(store, TrainingSchemes.TeacherConfig(c), TrainingRole.Teacher, "weakly", 0,
            null, options, validation).Checkpoint!;
        int EpochsOf(string best) => TrainingCheckpoint.ReadState(TrainingCheckpoint.LastPath(Path.GetDirectoryName(best)!)).EpochsDone;

        var first = Teacher(config);
        Assert.Equal(1, EpochsOf(first));

        // Every student-only key at once (device stays cpu here: this machine may have no CUDA; its identity test is above).
        var studentOnly = ConfigFile.ApplyOverrides(config, StudentOnly.Where(k => !k.StartsWith("device", StringComparison.Ordinal)));
        Assert.Equal(first, Teacher(studentOnly));
        Assert.Equal("teacher weakly seed 0: finished before, reused", log[^1]);
        Assert.Single(store.Runs(new RunFilter(config.Name, TrainingRole.Teacher)));

        // A teacher key: a new teacher, trained in its own folder; the old one stays whole and is still found.
        var longer = config with { TeacherSchedule = config.TeacherSchedule with { Epochs = 2 } };
        var second = Teacher(longer);
        Assert.NotEqual(Path.GetDirectoryName(first), Path.GetDirectoryName(second));
        Assert.Equal(2, EpochsOf(second));
        Assert.Equal(1, EpochsOf(first));
        Assert.Equal(2, store.Runs(new RunFilter(config.Name, TrainingRole.Teacher, Status: RunStatus.Finished)).Count);
        Assert.Equal(first, Teacher(studentOnly));
        Assert.Equal(second, Teacher(longer with { Student = longer.Student with { WidthMultiplier = 1 } }));
        Assert.Equal(3, log.Count(l => l.EndsWith("finished before, reused", StringComparison.Ordinal)));
    }
}
