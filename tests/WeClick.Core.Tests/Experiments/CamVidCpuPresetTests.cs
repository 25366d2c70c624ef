using WeClick.Data;
using WeClick.Experiments;
using WeClick.Losses;

namespace WeClick.Core.Tests.Experiments;

/// <summary>
/// The <c>camvid-cpu</c> preset (issue #13) against the shared CamVid as it is: its config is valid, its clips of n = 2
/// frames can all be formed (each falls back to the labelled frame 1 s before, said in the summary), and its temporal
/// consistency runs of 3 hold a pair for every val frame but the first — the checks <c>reproduce</c> makes before
/// training, here without training anything.
/// </summary>
public sealed class CamVidCpuPresetTests
{
    private static ExperimentConfig OnSharedCamVid => ExperimentPresets.CamVidCpu with
    {
        Data = ExperimentPresets.CamVidCpu.Data with { Root = SharedData.CamVid },
    };

    [Fact]
    public void Preset_IsTheTable5Student_WithOneDifferenceFromTheTeacher_TheSchedule()
    {
        var preset = ExperimentPresets.Get("camvid-cpu");
        Assert.Equal("camvid-cpu", preset.Name);
        Assert.Equal("camvid", preset.Data.Dataset);
        Assert.Equal(preset.Teacher, preset.Student);
        Assert.Equal("deeplabv3plus-resnet18", preset.Student.Name);
        Assert.Equal(ExperimentPresets.ResNet18ImageNetWeights, preset.Student.BackboneWeights);
        // The Gated CRF kernel scaled to the 240-pixel crop (GCRF's xy 6 and radius 5 at 768 pixels, × 240/768); every
        // other loss setting is the paper's.
        Assert.Equal(240, preset.TeacherSchedule.CropWidth);
        Assert.Equal([new GatedCrfKernel(1.0, 2.0, 0.1)], preset.Loss.GatedCrf.Kernels);
        Assert.Equal(2, preset.Loss.GatedCrf.Radius);
        Assert.Equal(new LossConfig() with { GatedCrf = preset.Loss.GatedCrf }, preset.Loss);
        Assert.Equal(preset.TeacherSchedule with { Epochs = preset.StudentSchedule.Epochs }, preset.StudentSchedule);
        Assert.Equal(2 * preset.StudentSchedule.Epochs, preset.TeacherSchedule.Epochs);
        Assert.Equal([0], preset.Seeds);
    }

    [CamVidFact]
    public void OnTheSharedCamVid_ValidatesAndPlansEveryClip_BeforeTraining()
    {
        var config = OnSharedCamVid;
        Assert.Empty(ConfigFile.Validate(config, use: ConfigUse.Evaluation));

        var neighbours = ExperimentData.SummarizeNeighbours(config, config.Data.TrainSplit, config.Clip.Frames);
        Assert.NotNull(neighbours);
        Assert.Equal(367, neighbours.Clips);
        Assert.Equal(367, neighbours.Incomplete); // labelled frames are 1 s apart: every clip falls back, and says so
        Assert.Equal(30, neighbours.TypicalGap);

        var runs = ExperimentEvaluation.PlanTemporalConsistency(config, config.Data.ValSplit, config.Evaluation.TemporalFrames);
        Assert.NotNull(runs);
        Assert.Equal(101, runs.Clips);
        Assert.Equal(1, runs.Alone); // the first val frame has nothing before it
        Assert.Equal([2], runs.Gaps);
    }
}
