using WeClick.Models;
using WeClick.Models.Heads;
using TorchSharp.Modules;
using AdaptiveAvgPool2d = WeClick.Models.Heads.AdaptiveAvgPool2d;

namespace WeClick.Core.Tests.Models.Heads;

public sealed class DeepLabV3PlusHeadTests
{
    /// <summary>A narrow head (ASPP width 16, skip 6) for value and gradient tests.</summary>
    private static DeepLabV3PlusHead Small(int outputStride = 16) =>
        new(lowChannels: 8, highChannels: 12, classes: 5, outputStride: outputStride, asppChannels: 16, lowLevelChannels: 6);

    private static nn.Module Sub(nn.Module module, string path) =>
        module.named_modules().Where(m => m.name == path).Select(m => m.module).SingleOrDefault() ?? throw new KeyNotFoundException(path);

    [Theory]
    [InlineData(16, 4)] // 64×64 input: low 16×16, high 4×4
    [InlineData(8, 8)]  // high 8×8
    public void Forward_GivesLogitsAtStride4_AndNoAuxiliary(int outputStride, long highSize)
    {
        using var scope = NewDisposeScope();
        using var head = new DeepLabV3PlusHead(64, 512, 19, outputStride);
        var features = HeadFeatures.Random(2, 64, (16, 16), 256, 512, (highSize, highSize));
        var output = head.call(features);
        Assert.Equal([2L, 19, 16, 16], output.Logits.shape);
        Assert.Null(output.Auxiliary);
        Assert.True(output.Logits.isfinite().all().item<bool>());
    }

    [Fact]
    public void Forward_FollowsTheLowLevelSize_ForNonSquareMaps()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        var features = HeadFeatures.Random(2, 8, (12, 20), 4, 12, (3, 5)); // a 48×80 input at OS 16
        Assert.Equal([2L, 5, 12, 20], head.call(features).Logits.shape);
    }

    [Theory]
    [InlineData(16, new[] { 6, 12, 18 })]
    [InlineData(8, new[] { 12, 24, 36 })]
    public void Rates_DefaultToThePapersAndDoubleAtOutputStride8(int outputStride, int[] rates)
    {
        using var head = Small(outputStride);
        Assert.Equal(rates, head.Rates);
        for (var i = 0; i < 3; i++)
        {
            var conv = Assert.IsType<Conv2d>(Sub(head, $"aspp.convs.{i + 1}.0"));
            Assert.Equal([3L, 3L], conv.kernel_size);
            Assert.Equal([rates[i], rates[i]], conv.dilation.Select(d => (int)d));
            Assert.Equal(conv.dilation, conv.padding); // "same" padding
            Assert.Equal(1, conv.groups);              // standard, not separable
            Assert.Null(conv.bias);
        }
    }

    [Fact]
    public void Rates_CanBeGiven()
    {
        using var head = new DeepLabV3PlusHead(8, 12, 5, asppChannels: 16, rates: [2, 4]);
        Assert.Equal([2, 4], head.Rates);
        Assert.Equal(4L, ((Conv2d)Sub(head, "aspp.convs.2.0")).dilation[0]);
        Assert.IsType<AdaptiveAvgPool2d>(Sub(head, "aspp.convs.3.0")); // pooling after the atrous branches
        Assert.Equal(4 * 16L, ((Conv2d)Sub(head, "aspp.project.0")).in_channels);
    }

    [Fact]
    public void StateDict_UsesTheDocumentedNames()
    {
        using var head = Small();
        string[] bn = ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"];
        IEnumerable<string> ConvBn(string prefix, int conv, int norm) =>
            [$"{prefix}.{conv}.weight", .. bn.Select(b => $"{prefix}.{norm}.{b}")];
        string[] expected =
        [
            .. ConvBn("aspp.convs.0", 0, 1), .. ConvBn("aspp.convs.1", 0, 1), .. ConvBn("aspp.convs.2", 0, 1),
            .. ConvBn("aspp.convs.3", 0, 1), .. ConvBn("aspp.convs.4", 1, 2), .. ConvBn("aspp.project", 0, 1),
            .. ConvBn("decoder.reduce", 0, 1), .. ConvBn("decoder.fuse", 0, 1), .. ConvBn("decoder.fuse", 3, 4),
            "decoder.classifier.weight", "decoder.classifier.bias",
        ];
        Assert.Equal(expected, head.state_dict().Keys);
        Assert.Equal([5L, 16, 1, 1], head.state_dict()["decoder.classifier.weight"].shape);
        Assert.Equal([16L, 16 + 6, 3, 3], head.state_dict()["decoder.fuse.0.weight"].shape); // ASPP 16 + skip 6
    }

    [Fact]
    public void Logits_AreTheClassifierBias_WhenTheLastDecoderBnOutputsZero()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        head.eval();
        var parameters = head.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
        {
            parameters["decoder.fuse.4.weight"].zero_();
            parameters["decoder.fuse.4.bias"].zero_();
            parameters["decoder.classifier.bias"].copy_(tensor(new float[] { 0.5f, -1, 2, 0, 3 }));
        }
        var logits = head.call(HeadFeatures.Random(1, 8, (8, 8), 4, 12, (2, 2))).Logits;
        TensorAssert.Equal(tensor(new float[] { 0.5f, -1, 2, 0, 3 }).reshape(1, 5, 1, 1).expand(1, 5, 8, 8), logits);
    }

    [Fact]
    public void Backward_ReachesEveryParameter()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        var output = head.call(HeadFeatures.Random(2, 8, (8, 8), 4, 12, (2, 2)));
        output.Logits.sum().backward();
        Assert.Empty(HeadFeatures.ParametersWithoutGradient(head));
    }

    [Fact]
    public void Eval_WorksWithBatch1_AndEqualsTheSampleInALargerBatch()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        head.eval();
        var both = HeadFeatures.Random(2, 8, (8, 8), 4, 12, (2, 2));
        var first = new BackboneFeatures(both.Low[..1], both.Auxiliary[..1], both.High[..1]);
        var single = head.call(first).Logits;
        var batched = head.call(both).Logits;
        TensorAssert.Close(batched[..1], single, rtol: 1e-5, atol: 1e-6);
    }

    [Fact]
    public void Training_WithBatch1_ThrowsPyTorchsError()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        var features = HeadFeatures.Random(1, 8, (8, 8), 4, 12, (2, 2));
        var error = Assert.Throws<InvalidOperationException>(() => head.call(features));
        Assert.Contains("Expected more than 1 value per channel when training", error.Message);
        Assert.StartsWith("DeepLabV3PlusHead.forward: ", error.Message, StringComparison.Ordinal);
        // No BN statistics were touched (PyTorch raises before the update; libtorch itself would write NaN).
        Assert.True(head.state_dict()["aspp.convs.4.2.running_var"].eq(1).all().item<bool>());
    }

    [Fact]
    public void Constructor_RejectsOutputStride32()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DeepLabV3PlusHead(64, 512, 19, outputStride: 32));
        Assert.Equal("outputStride", error.ParamName);
        Assert.Contains("32", error.Message);
    }

    [Fact]
    public void Constructor_RejectsZeroClasses()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DeepLabV3PlusHead(64, 512, 0));
        Assert.Equal("classes", error.ParamName);
        Assert.Contains("0", error.Message);
    }

    [Fact]
    public void Constructor_RejectsEmptyOrNonPositiveRates()
    {
        Assert.Equal("rates", Assert.Throws<ArgumentException>(() => new DeepLabV3PlusHead(64, 512, 19, rates: [])).ParamName);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DeepLabV3PlusHead(64, 512, 19, rates: [6, -1]));
        Assert.Equal("rates", error.ParamName);
        Assert.Contains("-1", error.Message);
    }

    [Fact]
    public void Forward_RejectsFeaturesWithOtherChannels()
    {
        using var scope = NewDisposeScope();
        using var head = Small();
        var features = HeadFeatures.Random(2, 8, (8, 8), 4, 13, (2, 2));
        var error = Assert.Throws<ArgumentException>(() => head.call(features));
        Assert.Equal("High", error.ParamName);
        Assert.Contains("[N, 12, H, W]", error.Message);
    }

    [Fact]
    public void For_TakesTheBackbonesChannelsAndStride()
    {
        using var backbone = new FakeBackbone(24, 96, 1280, 8);
        using var head = DeepLabV3PlusHead.For(backbone, 11);
        Assert.Equal((24L, 1280L, 11L, 8), (head.LowChannels, head.HighChannels, head.Classes, head.OutputStride));
        Assert.Equal([12, 24, 36], head.Rates);
    }
}
