using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Tests;

/// <summary>Pooling, unfold/fold and pad against python3-torch (Reference/functional.py) and by hand.</summary>
public class PoolingTests(FunctionalReference reference) : IClassFixture<FunctionalReference>
{
    [Fact]
    public void MaxPool2d_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["pool.x"];
        TensorAssert.Equal(reference["maxpool.a"], F.max_pool2d(x, 3, 2, 1));
        TensorAssert.Equal(reference["maxpool.b"], F.max_pool2d(x, (3, 2), ceil_mode: true));
        TensorAssert.Equal(reference["maxpool.c"], F.max_pool2d(x, (2, 3), (1, 2), (1, 1), (2, 1), ceil_mode: false));
    }

    [Fact]
    public void AvgPool2d_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["pool.x"];
        TensorAssert.Close(reference["avgpool.a"], F.avg_pool2d(x, 3, 2, 1));
        TensorAssert.Close(reference["avgpool.b"], F.avg_pool2d(x, 3, 2, 1, count_include_pad: false));
        TensorAssert.Close(reference["avgpool.c"], F.avg_pool2d(x, (3, 2), null, (0, 0), ceil_mode: true));
        TensorAssert.Close(reference["avgpool.d"],
            F.avg_pool2d(x, (2, 3), (1, 2), (1, 1), ceil_mode: true, count_include_pad: false, divisor_override: 5));
    }

    [Fact]
    public void AdaptiveAvgPool2d_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["pool.x"];
        TensorAssert.Close(reference["adaptive.3x4"], F.adaptive_avg_pool2d(x, (3, 4)));
        TensorAssert.Close(reference["adaptive.5x5"], F.adaptive_avg_pool2d(x, 5));
        TensorAssert.Close(reference["adaptive.1"], F.adaptive_avg_pool2d(x, 1));
    }

    [Fact]
    public void Pools_HandComputed()
    {
        using var scope = NewDisposeScope();
        // 1 2 3
        // 4 5 6
        // 7 8 9
        var x = tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, [1, 1, 3, 3]);
        TensorAssert.Values([5, 6, 8, 9], F.max_pool2d(x, 2, 1));
        TensorAssert.Values([3, 4, 6, 7], F.avg_pool2d(x, 2, 1));
        // Padding 1 with stride 2: windows rows {−1, 0}, {1, 2} × the same columns; padded zeros count in the divisor 4.
        TensorAssert.Values([0.25, 1.25, 2.75, 7], F.avg_pool2d(x, 2, 2, 1));
        TensorAssert.Values([1, 2.5, 5.5, 7], F.avg_pool2d(x, 2, 2, 1, count_include_pad: false));
        // Adaptive to 2×2 on 3×3: windows rows {0,1},{1,2} × cols {0,1},{1,2}.
        TensorAssert.Values([3, 4, 6, 7], F.adaptive_avg_pool2d(x, 2));
    }

    [Fact]
    public void MaxPool2d_ThrowsForPaddingOverHalfTheKernel()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => F.max_pool2d(zeros(1, 1, 4, 4), 2, 1, 2));
        Assert.Contains("pad should be at most half of kernel size", e.Message);
    }

    [Fact]
    public void Unfold_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["unfold.x"];
        TensorAssert.Equal(reference["unfold.default"], F.unfold(x, (2, 3)));
        var columns = F.unfold(x, (2, 3), dilation: (2, 1), padding: (1, 0), stride: (1, 2));
        TensorAssert.Equal(reference["unfold.params"], columns);
        TensorAssert.Close(reference["fold.params"], F.fold(columns, (6, 7), (2, 3), dilation: (2, 1), padding: (1, 0), stride: (1, 2)));
    }

    [Fact]
    public void Unfold_HandComputed()
    {
        using var scope = NewDisposeScope();
        // 2×3 image, 2×2 blocks: two positions; column l holds block l row-major.
        var x = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [1, 1, 2, 3]);
        var columns = F.unfold(x, (2, 2));
        Assert.Equal(new long[] { 1, 4, 2 }, columns.shape);
        TensorAssert.Values([1, 2, 2, 3, 4, 5, 5, 6], columns);
        // fold sums overlaps: the middle column is covered twice.
        TensorAssert.Values([1, 4, 3, 4, 10, 6], F.fold(columns, (2, 3), (2, 2)));
    }

    [Fact]
    public void Pad_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["pad.x"];
        TensorAssert.Equal(reference["pad.constant"], F.pad(x, [1, 2, 0, 3], value: 1.5));
        TensorAssert.Equal(reference["pad.constant_crop"], F.pad(x, [-1, 2]));
        TensorAssert.Equal(reference["pad.reflect"], F.pad(x, [2, 1, 3, 0], "reflect"));
        TensorAssert.Equal(reference["pad.replicate"], F.pad(x, [1, 2, 2, 1], "replicate"));
        TensorAssert.Equal(reference["pad.circular"], F.pad(x, [1, 1, 2, 0], "circular"));
    }

    [Fact]
    public void Pad_HandComputed()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3 }, [1, 1, 3]);
        TensorAssert.Values([9, 9, 1, 2, 3, 9], F.pad(x, [2, 1], value: 9));
        TensorAssert.Values([3, 2, 1, 2, 3, 2], F.pad(x, [2, 1], "reflect"));
        TensorAssert.Values([1, 1, 1, 2, 3, 3], F.pad(x, [2, 1], "replicate"));
    }

    [Fact]
    public void Pad_ThrowsForUnknownModeAndTooLargeReflection()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 1, 3);
        var e = Assert.Throws<TorchException>(() => F.pad(x, [1, 1], "mirror"));
        Assert.Contains("mirror", e.Message);
        e = Assert.Throws<TorchException>(() => F.pad(x, [3, 0], "reflect"));
        Assert.Contains("Padding size should be less than the corresponding input dimension", e.Message);
    }
}
