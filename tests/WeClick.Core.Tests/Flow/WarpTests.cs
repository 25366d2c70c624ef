using WeClick.Flow;

namespace WeClick.Core.Tests.Flow;

/// <summary>Warp.Backward: warped(p) = source(p + flow(p)), align_corners = true, border values, validity from positions.</summary>
public sealed class WarpTests
{
    /// <summary>[1, 1, 3, 4] with value 10·y + x: every pixel distinct, so any shift or transposition shows.</summary>
    private static Tensor Ramp() => arange(12, ScalarType.Float32).view(1, 1, 3, 4).add(arange(3, ScalarType.Float32).view(1, 1, 3, 1).mul(6));

    [Fact]
    public void Backward_ZeroFlowIsIdentityAndAllValid()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var source = rand(2, 3, 5, 6);
        var (warped, valid) = Warp.Backward(source, zeros(2, 2, 5, 6));
        TensorAssert.Close(source, warped, rtol: 0, atol: 1e-6);
        TensorAssert.Equal(ones(2, 1, 5, 6), valid);
    }

    [Fact]
    public void Backward_IntegerShiftMovesContentExactlyAndMarksEnteringBorderInvalid()
    {
        using var scope = NewDisposeScope();
        var source = Ramp(); // rows: 0 1 2 3 / 10 11 12 13 / 20 21 22 23
        var flow = zeros(1, 2, 3, 4);
        flow[0][0].fill_(1.0); // u = +1: warped(x, y) = source(x + 1, y)
        var (warped, valid) = Warp.Backward(source, flow);
        // Border padding repeats the last column where x + 1 = 4 is outside.
        TensorAssert.Values([1, 2, 3, 3, 11, 12, 13, 13, 21, 22, 23, 23], warped.flatten(), 1e-6);
        TensorAssert.Values([1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0], valid.flatten(), 0);

        flow[0][0].fill_(0.0);
        flow[0][1].fill_(-1.0); // v = −1: warped(x, y) = source(x, y − 1), row 0 enters from above
        (warped, valid) = Warp.Backward(source, flow);
        TensorAssert.Values([0, 1, 2, 3, 0, 1, 2, 3, 10, 11, 12, 13], warped.flatten(), 1e-6);
        TensorAssert.Values([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1], valid.flatten(), 0);
    }

    [Fact]
    public void Backward_BilinearMatchesHandComputedValue()
    {
        using var scope = NewDisposeScope();
        var source = Ramp();
        var flow = zeros(1, 2, 3, 4);
        // At p = (x 1, y 0): sample (1.25, 0.5) → 0.5·(0.75·1 + 0.25·2) + 0.5·(0.75·11 + 0.25·12) = 6.25.
        flow[0][0][0][1].fill_(0.25);
        flow[0][1][0][1].fill_(0.5);
        // At p = (x 3, y 2): sample (3.5, 2) leaves the frame: border value 23, invalid.
        flow[0][0][2][3].fill_(0.5);
        var (warped, valid) = Warp.Backward(source, flow);
        Assert.Equal(6.25, warped[0][0][0][1].item<float>(), 5);
        Assert.Equal(23.0, warped[0][0][2][3].item<float>(), 5);
        Assert.Equal(1f, valid[0][0][0][1].item<float>());
        Assert.Equal(0f, valid[0][0][2][3].item<float>());
        Assert.Equal(11f, valid.sum().item<float>());
    }

    [Fact]
    public void Backward_NearestKeepsLabelValues()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new float[] { 0, 3, 7, 255, 1, 2, 5, 9, 4, 6, 8, 11 }, [1, 1, 3, 4]);
        manual_seed(3);
        var flow = rand(1, 2, 3, 4).mul(3).sub(1.5);
        var (warped, _) = Warp.Backward(labels, flow, "nearest");
        var allowed = labels.flatten().data<float>().ToArray().ToHashSet();
        Assert.All(warped.flatten().data<float>().ToArray(), v => Assert.Contains(v, allowed));
        // And the nearest sample of a +0.6 horizontal shift is the next pixel.
        var shift = zeros(1, 2, 3, 4);
        shift[0][0].fill_(0.6);
        (warped, _) = Warp.Backward(labels, shift, "nearest");
        TensorAssert.Values([3, 7, 255, 255, 2, 5, 9, 9, 6, 8, 11, 11], warped.flatten(), 0);
    }

    [Fact]
    public void SamplingGrid_NormalisesWithWidthMinusOne()
    {
        using var scope = NewDisposeScope();
        var grid = Warp.SamplingGrid(zeros(1, 2, 3, 5));
        Assert.Equal(new long[] { 1, 3, 5, 2 }, grid.shape);
        TensorAssert.Values([-1, -0.5, 0, 0.5, 1], grid[0][1].select(1, 0).contiguous(), 1e-6);
        TensorAssert.Values([-1, 0, 1], grid[0].select(1, 2).select(1, 1).contiguous(), 1e-6);
    }

    [Fact]
    public void Backward_ThrowsForBadArguments()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => Warp.Backward(zeros(1, 1, 3, 4), zeros(1, 3, 3, 4)));
        Assert.Throws<ArgumentException>(() => Warp.Backward(zeros(1, 1, 3, 5), zeros(1, 2, 3, 4)));
        Assert.Throws<ArgumentException>(() => Warp.Backward(zeros(1, 1, 3, 4), zeros(1, 2, 3, 4), "bicubic"));
    }
}
