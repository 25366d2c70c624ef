using WeClick.Models;

namespace WeClick.Core.Tests.Models;

public class ModelTrainingTests
{
    private static Segmentor Tiny() => new("tiny", new TinyBackbone(), new TinyHead(3).Registered());

    [Fact]
    public void Segmentor_UpsamplesToTheInputSize_AndKeepsTheHeadLogits()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny();
        var output = model.call(randn(2, 3, 32, 48));
        Assert.Equal(new long[] { 2, 3, 32, 48 }, output.Logits.shape);
        Assert.Equal(new long[] { 2, 3, 4, 6 }, output.HeadLogits.shape);
        Assert.Null(output.AuxiliaryLogits);
        Assert.Contains("backbone.stem.weight", model.state_dict().Keys);
        Assert.Contains("head.classifier.bias", model.state_dict().Keys);
    }

    [Fact]
    public void Freeze_StopsGradientsAndBatchNormUpdates()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny();
        ModelTraining.Freeze(model);
        Assert.All(model.parameters(), p => Assert.False(p.requires_grad));
        var before = model.state_dict()["backbone.bn.running_mean"].clone();
        var output = model.call(randn(2, 3, 16, 16));
        Assert.False(output.Logits.requires_grad);
        TensorAssert.Equal(before, model.state_dict()["backbone.bn.running_mean"]); // eval: no running-stat update
        ModelTraining.Unfreeze(model);
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
        Assert.True(model.training);
    }

    [Fact]
    public void ParameterGroups_SeparateBackboneAndHead_AndSkipFrozenParameters()
    {
        using var model = Tiny();
        var groups = ModelTraining.ParameterGroups(model, backboneLr: 0.001, headLr: 0.01);
        Assert.Equal(2, groups.Count);
        Assert.Equal(model.Backbone.parameters().Count(), groups[0].Parameters.Count());
        Assert.Equal(model.Head.parameters().Count(), groups[1].Parameters.Count());
        Assert.Equal(0.001, groups[0].LearningRate);
        Assert.Equal(0.01, groups[1].LearningRate);

        model.Backbone.requires_grad_(false);
        Assert.Single(ModelTraining.ParameterGroups(model, 0.001, 0.01));
        model.Head.requires_grad_(false);
        var e = Assert.Throws<ArgumentException>(() => ModelTraining.ParameterGroups(model, 0.001, 0.01));
        Assert.Contains("tiny", e.Message);
    }
}
