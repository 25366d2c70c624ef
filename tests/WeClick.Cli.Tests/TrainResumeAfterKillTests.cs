using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Cli.Tests;

/// <summary>
/// Issue #6: "resume after a kill at a random step gives the same final weights as an uninterrupted run (same seed)".
/// A real <c>weclick train teacher</c> process is killed with SIGKILL at a random moment after its first epoch checkpoint;
/// the same command then resumes from the last checkpoint, and its final weights equal those of an uninterrupted run.
/// </summary>
public sealed class TrainResumeAfterKillTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-cli-resume-");

    public void Dispose() => folder.Delete(recursive: true);

    private string[] TrainTeacher(string workspace) =>
    [
        "train", "teacher",
        "--preset", "quick",
        "--workspace", workspace,
        "--set", $"data.root={Path.Combine(folder.FullName, "data")}",
        "--set", "data.synthetic.width=64", "--set", "data.synthetic.height=32", "--set", "data.synthetic.snippetLength=21",
        "--set", "data.synthetic.trainSnippets=8", "--set", "data.synthetic.valSnippets=2",
        "--set", "data.workers=0", "--set", "seeds=[0]", "--set", "threads=2",
        "--set", "teacher.name=deeplabv3plus-mobilenetv2", "--set", "teacher.widthMultiplier=0.5", "--set", "teacher.backboneWeights=null",
        "--set", "teacherSchedule.epochs=6", "--set", "teacherSchedule.batchSize=2", "--set", "teacherSchedule.evaluateEvery=3",
        "--set", "teacherSchedule.cropHeight=32", "--set", "teacherSchedule.cropWidth=64",
        "--set", "evaluation.temporalFrames=0",
    ];

    [Fact]
    public void Train_KilledAtARandomStep_ResumesToTheWeightsOfAnUninterruptedRun()
    {
        var uninterrupted = Path.Combine(folder.FullName, "uninterrupted");
        var first = CliRunner.Run(TrainTeacher(uninterrupted));
        Assert.True(first.ExitCode == 0, first.Stderr);

        // Kill once epoch 2..4 (of 6) is reported plus a random delay, so the kill lands inside an epoch.
        var random = new Random(Environment.TickCount);
        var killAfterEpoch = random.Next(2, 5); // epoch k's line comes after epoch k − 1's checkpoint
        var delay = TimeSpan.FromMilliseconds(random.Next(0, 400));
        var killed = Path.Combine(folder.FullName, "killed");
        CliRunner.KillAfter($": epoch {killAfterEpoch}/", delay, TimeSpan.FromMinutes(3), TrainTeacher(killed));
        var lastCheckpoint = LastCheckpoint(killed);
        Assert.True(File.Exists(lastCheckpoint), $"no checkpoint after killing at epoch {killAfterEpoch}");

        var resumed = CliRunner.Run(TrainTeacher(killed));
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("resuming after epoch", resumed.Stderr);
        using (var store = WeClick.Experiments.ResultStore.OpenExisting(Path.Combine(killed, WeClick.Experiments.ResultStore.FileName)))
        {
            // The killed run's row is closed as interrupted, not left "running"; the resumed one finished.
            var runs = store.Runs(new WeClick.Experiments.RunFilter("quick")).OrderBy(r => r.Id).ToList();
            Assert.Equal(2, runs.Count);
            Assert.Equal(WeClick.Experiments.RunStatus.Failed, runs[0].Status);
            Assert.Equal($"interrupted; continued by run {runs[1].Id}", runs[0].Message);
            Assert.Equal(WeClick.Experiments.RunStatus.Finished, runs[1].Status);
        }

        using var scope = NewDisposeScope();
        Assert.Equal(Path.GetFileName(Path.GetDirectoryName(LastCheckpoint(uninterrupted))), Path.GetFileName(Path.GetDirectoryName(lastCheckpoint)));
        using var expected = Safetensors.Load(LastCheckpoint(uninterrupted), null);
        using var actual = Safetensors.Load(lastCheckpoint, null);
        var names = expected.Tensors.Keys.Where(k => k.StartsWith("model.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Order(), actual.Tensors.Keys.Where(k => k.StartsWith("model.", StringComparison.Ordinal)).Order());
        foreach (var name in names)
        {
            var a = expected.Tensors[name].to(ScalarType.Float64);
            var b = actual.Tensors[name].to(ScalarType.Float64);
            var difference = a.sub(b).abs().max().item<double>();
            Assert.True(difference <= 1e-5, $"{name} differs by {difference} (killed after epoch {killAfterEpoch} + {delay.TotalMilliseconds} ms)");
        }
    }

    // The teacher's last checkpoint in a workspace: its folder is teacher-seed0-<key of the teacher's config>.
    private static string LastCheckpoint(string workspace) =>
        Path.Combine(Directory.GetDirectories(Path.Combine(workspace, "quick"), "teacher-seed0-*").Single(), "last.safetensors");
}
