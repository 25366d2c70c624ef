using WeClick.Torch.Modules;

namespace WeClick.Torch.Tests;

public class LayersTests
{
    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("modules.py"));

    private static Dictionary<string, Tensor> Ref => s_reference.Value;

    private static void AssertStateEquals(string prefix, nn.Module module)
    {
        var state = module.state_dict();
        var expected = Ref.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(e => e.Key[prefix.Length..], e => e.Value);
        Assert.Equal(expected.Keys.ToArray(), state.Keys.ToArray());
        foreach (var (name, tensor) in state)
        {
            TensorAssert.Equal(expected[name], tensor);
        }
    }

    [Fact]
    public void Conv2d_SameSeedMatchesPyTorchInit()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var conv = nn.Conv2d(3, 4, 3);
        AssertStateEquals("conv.", conv);
        Assert.Equal(new long[] { 4, 3, 3, 3 }, conv.weight.shape);
    }

    [Fact]
    public void Conv2d_GroupsAndRectangularKernelMatchPyTorchInit()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var conv = nn.Conv2d(4, 6, (3, 2), stride: (2, 2), padding: (1, 0), groups: 2);
        AssertStateEquals("conv_groups.", conv);
        var y = conv.call(ones(1, 4, 5, 5));
        Assert.Equal(new long[] { 1, 6, 3, 2 }, y.shape);
    }

    [Fact]
    public void Linear_SameSeedMatchesPyTorchInitAndComputesXWtPlusB()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var lin = nn.Linear(5, 3);
        AssertStateEquals("linear.", lin);
        var x = tensor(new float[] { 1, 0, 0, 0, 2 }, [1, 5]);
        var w = lin.weight.ToArray<float>();
        var b = lin.bias!.ToArray<float>();
        TensorAssert.Values([w[0] + 2 * w[4] + b[0], w[5] + 2 * w[9] + b[1], w[10] + 2 * w[14] + b[2]], lin.call(x), 1e-6);
    }

    [Fact]
    public void BatchNorm2d_DefaultsMatchPyTorch()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3);
        AssertStateEquals("bn.", bn);
    }

    [Fact]
    public void BatchNorm2d_CumulativeAverageWithoutMomentumMatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3, momentum: null);
        bn.call(Ref["bn_cum.a"]);
        TensorAssert.Close(Ref["bn_cum.out_b"], bn.call(Ref["bn_cum.b"]), rtol: 1e-5, atol: 1e-6);
        var expected = Ref.Where(e => e.Key.StartsWith("bn_cum.", StringComparison.Ordinal) && !e.Key.EndsWith(".a") && !e.Key.EndsWith(".b") && !e.Key.EndsWith("out_b"));
        foreach (var (key, value) in expected)
        {
            TensorAssert.Close(value, bn.state_dict()[key["bn_cum.".Length..]], rtol: 1e-5, atol: 1e-7);
        }
        Assert.Equal(2L, bn.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void BatchNorm2d_WithoutRunningStatsUsesBatchStatisticsInEval()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3, affine: false, track_running_stats: false);
        bn.eval();
        Assert.Empty(bn.state_dict());
        TensorAssert.Close(Ref["bn_nostats.out"], bn.call(Ref["bn_cum.b"]), rtol: 1e-5, atol: 1e-6);
    }

    [Fact]
    public void BatchNorm2d_ThrowsForNon4DInput()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3);
        var e = Assert.Throws<ArgumentException>(() => bn.call(ones(2, 3)));
        Assert.Contains("expected 4D input (got 2D input)", e.Message);
    }

    [Fact]
    public void Conv2d_ThrowsForChannelsNotDivisibleByGroups()
    {
        var e = Assert.Throws<ArgumentException>(() => nn.Conv2d(3, 4, 3, groups: 2));
        Assert.Contains("in_channels must be positive and divisible by groups (got in_channels=3, groups=2)", e.Message);
    }

    [Fact]
    public void Conv2d_WrongInputChannelsRaisesTorchException()
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(3, 4, 3);
        Assert.Throws<TorchException>(() => conv.call(ones(1, 2, 5, 5)));
    }

    [Fact]
    public void Dropout_ThrowsForProbabilityOutsideUnitInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => nn.Dropout(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => nn.Dropout2d(-0.1));
    }

    [Fact]
    public void Dropout2d_ZeroesWholeChannelsInTrainingOnly()
    {
        using var scope = NewDisposeScope();
        using var drop = nn.Dropout2d(0.5);
        manual_seed(0);
        var y = drop.call(ones(2, 8, 2, 2)).reshape(16, 4).ToArray<float>();
        for (var c = 0; c < 16; c++)
        {
            var channel = y.Skip(4 * c).Take(4).Distinct().ToArray();
            Assert.Single(channel);
            Assert.Contains(channel[0], new float[] { 0, 2 });
        }
        drop.eval();
        TensorAssert.Values(Enumerable.Repeat(1.0, 64).ToArray(), drop.call(ones(2, 8, 2, 2)));
    }

    [Fact]
    public void ReLUAndReLU6_ClampAndInplaceWritesInput()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { -1, 3, 7 });
        TensorAssert.Values([0, 3, 7], nn.ReLU().call(x));
        TensorAssert.Values([0, 3, 6], nn.ReLU6().call(x));
        TensorAssert.Values([-1, 3, 7], x);
        var y = nn.ReLU6(inplace: true).call(x);
        TensorAssert.Values([0, 3, 6], x);
        TensorAssert.Values([0, 3, 6], y);
        var z = tensor(new float[] { -2, 2 });
        Assert.Same(z, nn.ReLU(inplace: true).call(z));
        TensorAssert.Values([0, 2], z);
    }

    [Fact]
    public void Sequential_ChainsIndexesAndNamesModules()
    {
        using var scope = NewDisposeScope();
        using var seq = nn.Sequential(("first", nn.Linear(2, 2, bias: false)), ("act", nn.ReLU()));
        ((Linear)seq[0]).weight.detach().copy_(tensor(new float[] { 1, -1, -1, 1 }, [2, 2]));
        TensorAssert.Values([0, 1], seq.call(tensor(new float[] { 1, 2 }, [1, 2])));
        Assert.IsType<ReLU>(seq[-1]);
        Assert.Equal(["first.weight"], seq.state_dict().Keys);
        Assert.Throws<ArgumentOutOfRangeException>(() => seq[2]);
        Assert.Throws<ArgumentException>(() => seq.append("act", nn.Identity()));
        Assert.Equal(2, seq.Count);
    }

    [Fact]
    public void Identity_ReturnsTheInputValues()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2 });
        var y = nn.Identity().call(x);
        Assert.NotSame(x, y);
        TensorAssert.Equal(x, y);
    }

    [Fact]
    public void ModuleList_RegistersItemsByPosition()
    {
        using var list = nn.ModuleList(nn.Linear(1, 2), nn.Linear(2, 3));
        list.append(nn.Linear(3, 1));
        Assert.Equal(3, list.Count);
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "2.weight", "2.bias"], list.named_parameters().Select(e => e.name));
        Assert.Equal(3, list[1].out_features);
    }
}
