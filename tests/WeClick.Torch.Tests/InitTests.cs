
namespace WeClick.Torch.Tests;

public class InitTests
{
    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("modules.py"));

    private static Dictionary<string, Tensor> Ref => s_reference.Value;

    [Fact]
    public void InitFunctions_AfterSeedMatchPyTorchDrawForDraw()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var w = empty(6, 4, 3, 3);
        // Same order of draws as modules.py.
        TensorAssert.Equal(Ref["init.kaiming_uniform"], nn.init.kaiming_uniform_(w.clone(), a: 0.1, mode: nn.init.FanMode.fan_out, nonlinearity: "leaky_relu"));
        TensorAssert.Equal(Ref["init.kaiming_normal"], nn.init.kaiming_normal_(w.clone(), mode: nn.init.FanMode.fan_in, nonlinearity: "relu"));
        TensorAssert.Equal(Ref["init.xavier_uniform"], nn.init.xavier_uniform_(w.clone(), gain: nn.init.calculate_gain("tanh")));
        TensorAssert.Equal(Ref["init.xavier_normal"], nn.init.xavier_normal_(w.clone(), gain: 2.0));
        TensorAssert.Equal(Ref["init.uniform"], nn.init.uniform_(w.clone(), -0.5, 2.0));
        TensorAssert.Equal(Ref["init.normal"], nn.init.normal_(w.clone(), 1.0, 0.25));
    }

    [Fact]
    public void CalculateGain_MatchesPyTorchTable()
    {
        Assert.Equal(1.0, nn.init.calculate_gain("conv2d"));
        Assert.Equal(1.0, nn.init.calculate_gain("sigmoid"));
        Assert.Equal(5.0 / 3, nn.init.calculate_gain("tanh"));
        Assert.Equal(Math.Sqrt(2.0), nn.init.calculate_gain("relu"));
        Assert.Equal(Math.Sqrt(2.0 / (1 + 0.01 * 0.01)), nn.init.calculate_gain("leaky_relu"), 15);
        Assert.Equal(Math.Sqrt(2.0 / 6.0), nn.init.calculate_gain("leaky_relu", Math.Sqrt(5)), 15);
        Assert.Equal(0.75, nn.init.calculate_gain("selu"));
        Assert.Contains("Unsupported nonlinearity 'gelu'", Assert.Throws<ArgumentException>(() => nn.init.calculate_gain("gelu")).Message);
    }

    [Fact]
    public void FanInAndFanOut_IncludeTheReceptiveField()
    {
        using var scope = NewDisposeScope();
        Assert.Equal((36L, 54L), nn.init.calculate_fan_in_and_fan_out(empty(6, 4, 3, 3)));
        Assert.Equal((5L, 3L), nn.init.calculate_fan_in_and_fan_out(empty(3, 5)));
        var e = Assert.Throws<ArgumentException>(() => nn.init.calculate_fan_in_and_fan_out(empty(3)));
        Assert.Contains("fewer than 2 dimensions", e.Message);
    }

    [Fact]
    public void ConstantOnesZeros_FillWithoutRecordingGradients()
    {
        using var scope = NewDisposeScope();
        var p = nn.Parameter(empty(2, 2));
        TensorAssert.Values([0.5, 0.5, 0.5, 0.5], nn.init.constant_(p, 0.5));
        TensorAssert.Values([1, 1, 1, 1], nn.init.ones_(p));
        TensorAssert.Values([0, 0, 0, 0], nn.init.zeros_(p));
        Assert.True(p.is_leaf);
        p.Dispose();
    }

    [Fact]
    public void Kaiming_LeavesEmptyTensorsAlone()
    {
        using var scope = NewDisposeScope();
        var w = empty(0, 3);
        Assert.Same(w, nn.init.kaiming_uniform_(w));
    }
}
