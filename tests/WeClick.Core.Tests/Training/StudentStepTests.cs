using WeClick.Data;
using WeClick.Experiments;
using WeClick.Losses;
using WeClick.Training;

namespace WeClick.Core.Tests.Training;

/// <summary>
/// Which frames the student's KD distils (WeClick Eq. 5: γ·Σ over f = k−n+1..k of KD(x_f)), checked by value against
/// <see cref="DistillationLoss"/> applied frame by frame, and which frames the trainer loads for each loss.
/// </summary>
public sealed class StudentStepTests(TinyExperiment tiny) : IClassFixture<TinyExperiment>
{
    // KD of one batch computed by hand: the student and the teacher on each listed frame alone, DistillationLoss per frame, summed.
    private static double KdByHand(WeClick.Models.Segmentor student, WeClick.Models.Segmentor teacher, ClipBatch batch, bool withNeighbours)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var frames = new List<Tensor> { batch.Images };
        if (withNeighbours)
        {
            frames.AddRange(Enumerable.Range(0, (int)batch.Neighbours!.size(1)).Select(j => batch.Neighbours.select(1, j)));
        }
        var kd = new DistillationLoss();
        return frames.Sum(f => kd.Forward(student.forward(f).Logits, teacher.forward(f).Logits, batch.Valid).ToDouble());
    }

    [Theory]
    [InlineData(KdFrames.All)]
    [InlineData(KdFrames.Target)]
    public void Run_WithMfdOff_DistilsEveryInputFrameOrTheTargetAlone_AsKdFramesSays(KdFrames kdFrames)
    {
        using var batch = tiny.Batch(frames: 3);
        Assert.Equal(2, batch.Neighbours!.size(1));
        manual_seed(5);
        using var student = ExperimentModels.CreateModel(tiny.Config.Student, 11);
        using var teacher = ExperimentModels.CreateModel(tiny.Config.Teacher, 11);
        // Eval mode: BatchNorm then treats each frame alone, so the step's one batched forward equals the per-frame forwards.
        student.eval();
        var loss = new WeClickLossSettings(Alpha: 0, Beta: 0, Gamma: 1, KdFrames: kdFrames);
        var step = new StudentStep(loss, tiny.Config.Loss.GatedCrf, teacher);
        Assert.Equal(kdFrames == KdFrames.All, step.NeedsNeighbours);

        using var scope = NewDisposeScope();
        var terms = step.Run(student, batch);

        var all = KdByHand(student, teacher, batch, withNeighbours: true);
        var target = KdByHand(student, teacher, batch, withNeighbours: false);
        var expected = kdFrames == KdFrames.All ? all : target;
        Assert.Equal(expected, terms.Parts["kd"], expected * 1e-4);
        Assert.Equal(expected, terms.Total.ToDouble(), expected * 1e-4);
        Assert.True(all > 2 * target, $"KD over 3 frames {all} should be about three times KD over the target {target}");
    }

    [Fact]
    public void Run_WithMfdOnAndKdOnTheTargetAlone_DistilsOnlyTheTarget()
    {
        var config = tiny.Config;
        using var flows = WeClick.Flow.FlowProvider.Create(config.Flow, Path.Combine(tiny.Root, "flow-cache"));
        var dataset = ExperimentData.OpenSplit(config, config.Data.TrainSplit, frames: 3, flows);
        using var clip = dataset.GetClip(0, 0);
        using var batch = ClipBatch.Collate([clip], ImageNormalization.ImageNet);
        manual_seed(6);
        using var student = ExperimentModels.CreateModel(config.Student, 11);
        using var teacher = ExperimentModels.CreateModel(config.Teacher, 11);
        student.eval();
        var step = new StudentStep(new WeClickLossSettings(Alpha: 0, Beta: 1, Gamma: 1, KdFrames: KdFrames.Target), config.Loss.GatedCrf, teacher);
        Assert.True(step.NeedsNeighbours); // for MFD

        using var scope = NewDisposeScope();
        var terms = step.Run(student, batch);

        var target = KdByHand(student, teacher, batch, withNeighbours: false);
        Assert.Equal(target, terms.Parts["kd"], target * 1e-4);
        Assert.True(terms.Parts["mfd"] > 0);
    }

    [Theory]
    [InlineData(0.0, 1.0, KdFrames.All, 3)]    // +KD: Eq. 5 distils every input frame, so the neighbours are loaded without MFD
    [InlineData(0.0, 1.0, KdFrames.Target, 1)] // +KD on the target alone: single frames
    [InlineData(1.0, 1.0, KdFrames.All, 3)]
    [InlineData(1.0, 0.0, KdFrames.Target, 3)] // MFD alone
    [InlineData(0.0, 0.0, KdFrames.All, 1)]    // weakly: no term needs a neighbour
    public void StudentFrames_LoadsTheNeighboursWheneverKdOrMfdUsesThem(double beta, double gamma, KdFrames kdFrames, int frames)
    {
        var config = tiny.Config with { Loss = tiny.Config.Loss with { Beta = beta, Gamma = gamma, KdFrames = kdFrames } };
        Assert.Equal(3, config.Clip.Frames);
        Assert.Equal(frames, ExperimentTraining.StudentFrames(config));
    }
}
