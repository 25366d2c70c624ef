using WeClick.Data;
using WeClick.Experiments;
using WeClick.Losses;
using WeClick.Training;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Core.Tests.Training;

/// <summary>
/// The fully supervised upper bound (<c>loss.supervision = dense</c>): the α-term becomes plain cross-entropy against the
/// dense labels of the augmented target frame, with no Gated CRF, checked by value against libtorch's cross_entropy.
/// </summary>
public sealed class DenseSupervisionTests(TinyExperiment tiny) : IClassFixture<TinyExperiment>
{
    [Fact]
    public void WeClickLoss_UnderDenseSupervision_IsCrossEntropyOverEveryLabelledPixel_WithoutTheGatedCrf()
    {
        manual_seed(3);
        using var logits = randn(2, 5, 6, 7);
        using var labels = randint(0, 5, [2, 6, 7], dtype: ScalarType.Int64);
        labels[0, 0, 0] = tensor(255L); // void stays out
        labels[1, 2, TensorIndex.Colon] = tensor(255L);
        var gatedCrfCalls = 0;
        var loss = new WeClickLoss(new WeClickLossSettings(Beta: 0, Gamma: 0, Lambda: 0.1, Supervision: Supervision.Dense));
        var terms = loss.Forward(new WeClickLossInputs(logits, labels, [], GatedCrf: () =>
        {
            gatedCrfCalls++;
            return tensor(1f);
        }));
        using var expected = F.cross_entropy(logits, labels, ignore_index: 255);
        Assert.Equal(expected.ToDouble(), terms.Total.ToDouble(), 5);
        Assert.Equal(expected.ToDouble(), terms.Parts["ce"], 5);
        Assert.DoesNotContain("pce", terms.Parts.Keys);
        Assert.DoesNotContain("gcrf", terms.Parts.Keys);
        Assert.Equal(0, gatedCrfCalls);
    }

    [Fact]
    public void TeacherStep_UnderDenseSupervision_TrainsOnTheBatchLabels_NotOnTheClicks()
    {
        using var batch = tiny.Batch();
        // The labels hold many more pixels than the clicks, so the two targets give different losses.
        Assert.True(batch.Labels.ne(255).sum().ToInt64() > 10 * batch.ClickMaps.ne(255).sum().ToInt64());
        manual_seed(5);
        using var model = ExperimentModels.CreateModel(tiny.Config.Teacher, 11);
        model.eval(); // deterministic forwards: the step's and ours see the same logits
        var dense = new TeacherStep(new WeClickLossSettings(Supervision: Supervision.Dense), tiny.Config.Loss.GatedCrf).Run(model, batch);
        var clicks = new TeacherStep(new WeClickLossSettings(Lambda: 0), tiny.Config.Loss.GatedCrf).Run(model, batch);
        using var logits = model.forward(batch.Images).Logits;
        using var onLabels = F.cross_entropy(logits, batch.Labels, ignore_index: 255);
        using var onClicks = F.cross_entropy(logits, batch.ClickMaps, ignore_index: 255);
        Assert.Equal(onLabels.ToDouble(), dense.Total.ToDouble(), 4);
        Assert.Equal(onClicks.ToDouble(), clicks.Total.ToDouble(), 4);
        Assert.NotEqual(dense.Total.ToDouble(), clicks.Total.ToDouble(), 3);
    }

    [Fact]
    public void DenseTeacher_Trains_WithCrossEntropyAlone_AndItsLossFalls()
    {
        var folder = tiny.NewFolder("dense-teacher");
        var config = tiny.Config with { Loss = TrainingSchemes.DenseLoss(tiny.Config.Loss) };
        var steps = new List<TrainingUpdate>();
        ExperimentTraining.TrainTeacher(TrainingSchemes.TeacherConfig(config), 0, folder, "{}", new TrainingHooks
        {
            Observer = u =>
            {
                if (u.Kind == TrainingUpdateKind.Step)
                {
                    steps.Add(u);
                }
            },
        });
        Assert.All(steps, s => Assert.Equal(["ce", "total", "weakly"], s.Losses.Keys.Order()));
        var first = steps.Take(2).Average(s => s.Losses["ce"]);
        var last = steps.TakeLast(2).Average(s => s.Losses["ce"]);
        Assert.True(last < first, $"cross-entropy went from {first:F3} to {last:F3}");
    }
}
