using WeClick.Models;
using WeClick.Models.Heads;
using TorchSharp.Modules;
using AdaptiveAvgPool2d = WeClick.Models.Heads.AdaptiveAvgPool2d;

namespace WeClick.Core.Tests.Models.Heads;

public sealed class PspHeadTests
{
    /// <summary>A narrow head (high 16 → branches of 4, head 12, aux 8 → 256) for value and gradient tests.</summary>
    private static PspHead Small(bool auxiliary = true, IReadOnlyList<int>? bins = null) =>
        new(highChannels: 16, auxiliaryChannels: 8, classes: 5, bins: bins, headChannels: 12, auxiliary: auxiliary);

    /// <summary>Low 4×28×36 (unused), aux 8×7×9, high 16×7×9.</summary>
    private static BackboneFeatures SmallFeatures(long batch = 2) => HeadFeatures.Random(batch, 4, (28, 36), 8, 16, (7, 9));

    [Fact]
    public void Forward_GivesLogitsAtTheBackbonesStride()
    {
        using var scope = NewDisposeScope();
        using var head = new PspHead(512, 256, 19);
        var features = HeadFeatures.Random(2, 64, (32, 32), 256, 512, (8, 8)); // ResNet-18 at OS 8, 64×64 input
        var output = head.call(features);
        Assert.Equal([2L, 19, 8, 8], output.Logits.shape);
        Assert.Null(output.Auxiliary); // no auxiliary head
        Assert.True(output.Logits.isfinite().all().item<bool>());
    }

    [Fact]
    public void Auxiliary_IsReturnedOnlyInTraining()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        var features = SmallFeatures();
        var training = head.call(features);
        Assert.Equal([2L, 5, 7, 9], training.Logits.shape);
        Assert.NotNull(training.Auxiliary);
        Assert.Equal([2L, 5, 7, 9], training.Auxiliary.shape);
        head.eval();
        Assert.Null(head.call(features).Auxiliary);
    }

    [Fact]
    public void StateDict_UsesSemsegsNames()
    {
        using var head = Small();
        string[] bn = ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"];
        IEnumerable<string> ConvBn(string prefix, int conv, int norm) =>
            [$"{prefix}.{conv}.weight", .. bn.Select(b => $"{prefix}.{norm}.{b}")];
        string[] expected =
        [
            .. ConvBn("ppm.features.0", 1, 2), .. ConvBn("ppm.features.1", 1, 2), .. ConvBn("ppm.features.2", 1, 2),
            .. ConvBn("ppm.features.3", 1, 2), .. ConvBn("cls", 0, 1), "cls.4.weight", "cls.4.bias",
            .. ConvBn("aux", 0, 1), "aux.4.weight", "aux.4.bias",
        ];
        Assert.Equal(expected, head.state_dict().Keys);
        Assert.Equal([4L, 16, 1, 1], head.state_dict()["ppm.features.0.1.weight"].shape); // in/4
        Assert.Equal([12L, 32, 3, 3], head.state_dict()["cls.0.weight"].shape);          // 2·in → head width
        Assert.Equal([256L, 8, 3, 3], head.state_dict()["aux.0.weight"].shape);
        var branches = head.named_modules().Single(m => m.name == "ppm.features").module.children().Cast<LayerSequence>();
        Assert.Equal([1L, 2, 3, 6], branches.Select(b => ((AdaptiveAvgPool2d)b[0]).OutputSize));
    }

    [Fact]
    public void Logits_AreTheClassifierBias_WhenTheHeadBnOutputsZero()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        head.eval();
        var parameters = head.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
        {
            parameters["cls.1.weight"].zero_();
            parameters["cls.1.bias"].zero_();
            parameters["cls.4.bias"].copy_(tensor(new float[] { 1, -2, 0.25f, 0, 4 }));
        }
        var logits = head.call(SmallFeatures(1)).Logits;
        TensorAssert.Equal(tensor(new float[] { 1, -2, 0.25f, 0, 4 }).reshape(1, 5, 1, 1).expand(1, 5, 7, 9), logits);
    }

    [Fact]
    public void Backward_ReachesEveryParameter_IncludingTheAuxiliaryHead()
    {
        using var scope = NewDisposeScope();
        using var head = new PspHead(16, 8, 5, headChannels: 12, auxiliary: true, dropout: 0); // no dropped channels
        var output = head.call(SmallFeatures());
        (output.Logits.sum() + output.Auxiliary!.sum()).backward();
        Assert.Empty(HeadFeatures.ParametersWithoutGradient(head));
    }

    [Fact]
    public void Eval_WorksWithBatch1_AndEqualsTheSampleInALargerBatch()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        head.eval();
        var both = SmallFeatures();
        var single = head.call(new BackboneFeatures(both.Low[..1], both.Auxiliary[..1], both.High[..1])).Logits;
        TensorAssert.Close(head.call(both).Logits[..1], single, rtol: 1e-5, atol: 1e-6);
    }

    [Fact]
    public void Training_WithBatch1_ThrowsPyTorchsError()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        var error = Assert.Throws<InvalidOperationException>(() => head.call(SmallFeatures(1)));
        Assert.Contains("Expected more than 1 value per channel when training, got input size [1, 4, 1, 1]", error.Message);
        Assert.StartsWith("PspHead.forward: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_WithBatch1_WorksWithoutABin1Branch()
    {
        using var scope = NewDisposeScope();
        using var head = Small(bins: [2, 3]); // every BN sees at least 4 values per channel
        Assert.Equal([1L, 5, 7, 9], head.call(SmallFeatures(1)).Logits.shape);
    }

    [Fact]
    public void Constructor_RejectsEmptyBins()
    {
        var error = Assert.Throws<ArgumentException>(() => new PspHead(512, 256, 19, bins: []));
        Assert.Equal("bins", error.ParamName);
    }

    [Fact]
    public void Constructor_RejectsANonPositiveBin()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PspHead(512, 256, 19, bins: [1, 0, 3]));
        Assert.Equal("bins", error.ParamName);
        Assert.Contains("(1, 0, 3)", error.Message);
    }

    [Fact]
    public void Constructor_RejectsZeroClasses()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PspHead(512, 256, 0));
        Assert.Equal("classes", error.ParamName);
        Assert.Contains("0", error.Message);
    }

    [Fact]
    public void Constructor_RejectsTooFewChannelsForTheDefaultReduction()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PspHead(3, 256, 19));
        Assert.Equal("reduction", error.ParamName);
        Assert.Contains("high channels 3", error.Message);
    }

    [Fact]
    public void Constructor_RejectsZeroAuxiliaryChannels_OnlyWithTheAuxiliaryHead()
    {
        using var withoutAux = new PspHead(512, 0, 19);
        Assert.False(withoutAux.HasAuxiliary);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PspHead(512, 0, 19, auxiliary: true));
        Assert.Equal("auxiliaryChannels", error.ParamName);
    }

    [Fact]
    public void For_TakesTheBackbonesChannels()
    {
        using var backbone = new FakeBackbone(64, 256, 512, 8);
        using var head = PspHead.For(backbone, 19, auxiliary: true);
        Assert.Equal((512L, 256L, 128L, true), (head.HighChannels, head.AuxiliaryChannels, head.Reduction, head.HasAuxiliary));
        Assert.Equal(3_223_078, head.parameter_count());
    }
}
