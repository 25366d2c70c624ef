using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Tests;

/// <summary>Convolution, normalisation, linear and softmax against python3-torch (Reference/functional.py).</summary>
public class FunctionalTests(FunctionalReference reference) : IClassFixture<FunctionalReference>
{
    [Fact]
    public void Conv2d_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["conv.x"];
        TensorAssert.Close(reference["conv.a.y"],
            F.conv2d(x, reference["conv.a.w"], reference["conv.a.b"], stride: (2, 1), padding: (1, 2)));
        TensorAssert.Close(reference["conv.b.y"],
            F.conv2d(x, reference["conv.b.w"], null, dilation: (2, 1), groups: 2));
        TensorAssert.Close(reference["conv.c.y"],
            F.conv2d(x, reference["conv.c.w"], reference["conv.c.b"], stride: (2, 2), padding: (1, 1), dilation: (2, 2), groups: 4));
    }

    [Fact]
    public void Conv2d_ThrowsForMismatchedChannels()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 3, 5, 5);
        var w = zeros(2, 4, 3, 3);
        var e = Assert.Throws<TorchException>(() => F.conv2d(x, w));
        Assert.Equal("conv2d", e.Operation);
        Assert.Contains("expected input[1, 3, 5, 5] to have 4 channels, but got 3 channels instead", e.Message);
    }

    [Fact]
    public void BatchNorm_TrainingMatchesPyTorchAndUpdatesRunningStats()
    {
        using var scope = NewDisposeScope();
        var runningMean = reference["bn.rm"].clone();
        var runningVar = reference["bn.rv"].clone();
        var y = F.batch_norm(reference["bn.x"], runningMean, runningVar, reference["bn.w"], reference["bn.b"],
            training: true, momentum: 0.2, eps: 1e-5);
        TensorAssert.Close(reference["bn.train.y"], y);
        TensorAssert.Close(reference["bn.train.rm"], runningMean);
        TensorAssert.Close(reference["bn.train.rv"], runningVar);
    }

    [Fact]
    public void BatchNorm_EvalMatchesPyTorchAndLeavesRunningStats()
    {
        using var scope = NewDisposeScope();
        var runningMean = reference["bn.rm"].clone();
        var runningVar = reference["bn.rv"].clone();
        var y = F.batch_norm(reference["bn.x"], runningMean, runningVar, reference["bn.w"], reference["bn.b"], training: false, eps: 1e-3);
        TensorAssert.Close(reference["bn.eval.y"], y);
        TensorAssert.Equal(reference["bn.rm"], runningMean);
        TensorAssert.Equal(reference["bn.rv"], runningVar);
    }

    [Fact]
    public void Linear_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["lin.x"];
        TensorAssert.Close(reference["lin.y"], F.linear(x, reference["lin.w"], reference["lin.b"]));
        TensorAssert.Close(reference["lin.y_nobias"], F.linear(x.narrow(0, 0, 1).reshape(2, 5), reference["lin.w"]));
    }

    [Fact]
    public void Softmax_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["sm.x"];
        foreach (var d in new long[] { 0, 1, -1 })
        {
            TensorAssert.Close(reference[$"sm.{d}"], F.softmax(x, d));
            TensorAssert.Close(reference[$"lsm.{d}"], F.log_softmax(x, d));
            TensorAssert.Equal(F.softmax(x, d), x.softmax(d));
            TensorAssert.Equal(F.log_softmax(x, d), x.log_softmax(d));
        }
        var s64 = F.softmax(x, 1, float64);
        Assert.Equal(ScalarType.Float64, s64.dtype);
        TensorAssert.Close(reference["sm.f64"], s64, rtol: 1e-12, atol: 1e-15);
        TensorAssert.Close(reference["lsm.f64"], F.log_softmax(x, 1, float64), rtol: 1e-12, atol: 1e-15);
    }

    [Fact]
    public void Softmax_HandComputed()
    {
        using var scope = NewDisposeScope();
        // softmax([0, ln 3]) = [1/4, 3/4]; log_softmax = [−ln 4, ln 3 − ln 4].
        var x = tensor(new double[] { 0, Math.Log(3) });
        TensorAssert.Values([0.25, 0.75], x.softmax(0), 1e-15);
        TensorAssert.Values([-Math.Log(4), Math.Log(3) - Math.Log(4)], x.log_softmax(0), 1e-15);
    }

    [Fact]
    public void Softmax_ThrowsForDimOutOfRange()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => F.softmax(zeros(2, 3), 2));
        Assert.Contains("Dimension out of range", e.Message);
    }
}
