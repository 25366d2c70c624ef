using WeClick.Models;
using WeClick.Models.Backbones;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>Names, parameter counts, feature shapes, gradients and argument checks of the backbones.</summary>
[Collection(BackboneReferenceCollection.Name)]
public sealed class BackboneStructureTests(BackboneReference reference)
{
    // Backbone parameters without fc / classifier (algorithms.md §5.1; torchvision gives the same numbers).
    [Theory]
    [InlineData("resnet18", 11_176_512)]
    [InlineData("resnet34", 21_284_672)]
    [InlineData("resnet50", 23_508_032)]
    [InlineData("resnet101", 42_500_160)]
    [InlineData("mobilenet_v2", 2_223_872)]
    public void StateDictNamesAndParameterCount_AreTorchvisions(string arch, long parameters)
    {
        using var scope = NewDisposeScope();
        using var backbone = BackboneReference.Create(arch, 16);
        Assert.Equal(reference.Keys(arch), backbone.state_dict().Keys.ToList());
        Assert.Equal(reference.Parameters(arch), backbone.parameter_count());
        Assert.Equal(parameters, backbone.parameter_count());
    }

    [Theory]
    [InlineData(0.35)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(1.4)]
    public void MobileNetV2_WidthMultiplier_GivesTorchvisionsParameterCount(double width)
    {
        using var backbone = MobileNetV2.Create(16, width);
        Assert.Equal(reference.MobileNetParameters(width), backbone.parameter_count());
        Assert.Equal(backbone.WidthMultiplier, width);
    }

    [Theory]
    [InlineData(32 * 0.35, 16)]   // torchvision: _make_divisible(11.2) = 16 (rounding to 8 would lose > 10 %)
    [InlineData(24 * 0.5, 16)]    // 12 → 16 (halves round up)
    [InlineData(1280 * 1.4, 1792)]
    [InlineData(3, 8)]            // never below the divisor
    [InlineData(20, 24)]
    [InlineData(19.9, 24)]      // 16 would lose > 10 %
    [InlineData(12.1, 16)]
    public void MakeDivisible_RoundsAsTorchvision(double value, long expected) =>
        Assert.Equal(expected, MobileNetV2.MakeDivisible(value));

    [Theory]
    [InlineData("resnet18", 16, 64, 256, 512)]
    [InlineData("resnet18", 8, 64, 256, 512)]
    [InlineData("resnet34", 16, 64, 256, 512)]
    [InlineData("resnet34", 8, 64, 256, 512)]
    [InlineData("resnet50", 16, 256, 1024, 2048)]
    [InlineData("resnet50", 8, 256, 1024, 2048)]
    [InlineData("resnet101", 16, 256, 1024, 2048)]
    [InlineData("resnet101", 8, 256, 1024, 2048)]
    [InlineData("mobilenet_v2", 16, 24, 96, 1280)]
    [InlineData("mobilenet_v2", 8, 24, 96, 1280)]
    public void ForwardBackward_GivesFeaturesAtStride4AndOutputStride_AndGradientsReachTheStem(
        string arch, int outputStride, long low, long auxiliary, long high)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var backbone = BackboneReference.Create(arch, outputStride);
        Assert.Equal((low, auxiliary, high, outputStride), (backbone.LowChannels, backbone.AuxiliaryChannels, backbone.HighChannels, backbone.OutputStride));
        backbone.train();
        var input = randn([2, 3, 32, 64]);
        var features = backbone.call(input);
        Assert.Equal([2, low, 8, 16], features.Low.shape);
        Assert.Equal([2, auxiliary, 32 / outputStride, 64 / outputStride], features.Auxiliary.shape);
        Assert.Equal([2, high, 32 / outputStride, 64 / outputStride], features.High.shape);

        var loss = features.Low.mean().add(features.Auxiliary.mean()).add(features.High.square().mean());
        loss.backward();
        var stem = backbone.named_parameters().First();
        Assert.Equal(arch == "mobilenet_v2" ? "features.0.0.weight" : "conv1.weight", stem.name);
        var grad = stem.parameter.grad;
        Assert.NotNull(grad);
        Assert.True(grad.isfinite().all().item<bool>());
        Assert.True(grad.abs().sum().item<float>() > 0, "the stem's gradient is zero");
        // Every parameter takes part in the forward pass.
        Assert.All(backbone.named_parameters(), p => Assert.True(p.parameter.grad is not null, $"{p.name} has no gradient"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(152)]
    public void ResNetCreate_ThrowsForUnknownDepth_ListingValidDepths(int depth)
    {
        var e = Assert.Throws<ArgumentException>(() => ResNet.Create(depth, 16));
        Assert.Contains($"got {depth}", e.Message, StringComparison.Ordinal);
        Assert.Contains("18, 34, 50, 101", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(32)]
    public void Create_ThrowsForUnknownOutputStride_ListingValidStrides(int outputStride)
    {
        var resnet = Assert.Throws<ArgumentException>(() => ResNet.Create(18, outputStride));
        var mobilenet = Assert.Throws<ArgumentException>(() => MobileNetV2.Create(outputStride));
        foreach (var e in new[] { resnet, mobilenet })
        {
            Assert.Contains($"got {outputStride}", e.Message, StringComparison.Ordinal);
            Assert.Contains("8, 16", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void MobileNetV2Create_ThrowsForNonPositiveWidth(double width)
    {
        var e = Assert.Throws<ArgumentException>(() => MobileNetV2.Create(16, width));
        Assert.Contains("width multiplier", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResNet_SameSeed_GivesSameWeights_OtherSeedOthers()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var a = ResNet.Create(18, 8);
        manual_seed(3);
        using var b = ResNet.Create(18, 16);
        manual_seed(4);
        using var c = ResNet.Create(18, 16);
        var (sa, sb, sc) = (a.state_dict(), b.state_dict(), c.state_dict());
        Assert.All(sa.Keys, k => TensorAssert.Equal(sa[k], sb[k]));
        Assert.False(sa["layer2.0.conv1.weight"].eq(sc["layer2.0.conv1.weight"]).all().item<bool>());
    }
}
