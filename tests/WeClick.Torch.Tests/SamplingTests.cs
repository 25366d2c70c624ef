using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Tests;

/// <summary>interpolate and grid_sample against python3-torch (Reference/functional.py) and by hand.</summary>
public class SamplingTests(FunctionalReference reference) : IClassFixture<FunctionalReference>
{
    [Fact]
    public void Interpolate_NearestMatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = reference["interp.x"];
        TensorAssert.Equal(reference["interp.nearest.size"], F.interpolate(x, size: [8, 9]));
        // floor(5·1.7) × floor(7·1.7) = 8 × 11, with the kernel using 1/1.7 (not 5/8) as in PyTorch.
        var scaled = F.interpolate(x, scale_factor: [1.7], mode: "nearest");
        Assert.Equal(new long[] { 2, 3, 8, 11 }, scaled.shape);
        TensorAssert.Equal(reference["interp.nearest.scale"], scaled);
        TensorAssert.Equal(reference["interp.nearest.scale2"], F.interpolate(x, scale_factor: [0.6, 2.5]));
        TensorAssert.Equal(reference["interp.nearest-exact.scale"], F.interpolate(x, scale_factor: [1.7], mode: "nearest-exact"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interpolate_BilinearAndBicubicMatchPyTorch(bool alignCorners)
    {
        using var scope = NewDisposeScope();
        var x = reference["interp.x"];
        TensorAssert.Close(reference[$"interp.bilinear.size.{alignCorners}"],
            F.interpolate(x, size: [8, 4], mode: "bilinear", align_corners: alignCorners));
        TensorAssert.Close(reference[$"interp.bilinear.scale.{alignCorners}"],
            F.interpolate(x, scale_factor: [1.7], mode: "bilinear", align_corners: alignCorners));
        TensorAssert.Close(reference[$"interp.bilinear.scale2.{alignCorners}"],
            F.interpolate(x, scale_factor: [0.55, 1.3], mode: "bilinear", align_corners: alignCorners));
        TensorAssert.Close(reference[$"interp.bilinear.recompute.{alignCorners}"],
            F.interpolate(x, scale_factor: [1.7], mode: "bilinear", align_corners: alignCorners, recompute_scale_factor: true));
        TensorAssert.Close(reference[$"interp.bicubic.size.{alignCorners}"],
            F.interpolate(x, size: [8, 4], mode: "bicubic", align_corners: alignCorners));
    }

    [Fact]
    public void Interpolate_BilinearDefaultsToAlignCornersFalse()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Close(reference["interp.bilinear.default"], F.interpolate(reference["interp.x"], scale_factor: [1.7], mode: "bilinear"));
    }

    [Fact]
    public void Interpolate_ScaleFactorIsNotRecomputed()
    {
        using var scope = NewDisposeScope();
        // The two paths differ for a non-integral output/input ratio, so the test above could not pass by accident.
        var x = reference["interp.x"];
        var kept = F.interpolate(x, scale_factor: [1.7], mode: "bilinear", align_corners: false);
        var recomputed = F.interpolate(x, scale_factor: [1.7], mode: "bilinear", align_corners: false, recompute_scale_factor: true);
        var difference = (kept - recomputed).ToArray<float>().Max(v => Math.Abs(v));
        Assert.True(difference > 1e-3, $"largest difference {difference}");
    }

    [Fact]
    public void Interpolate_HandComputed()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 0, 3 }, [1, 1, 1, 2]);
        // align_corners: the end points stay, the rest is linear: 0, 1, 2, 3.
        TensorAssert.Values([0, 1, 2, 3], F.interpolate(x, size: [1, 4], mode: "bilinear", align_corners: true));
        // half-pixel centres: source x = (i + 0.5)/2 − 0.5 → −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
        TensorAssert.Values([0, 0.75, 2.25, 3], F.interpolate(x, size: [1, 4], mode: "bilinear", align_corners: false));
        TensorAssert.Values([0, 0, 3, 3], F.interpolate(x, scale_factor: [1, 2]));
    }

    [Fact]
    public void Interpolate_ThrowsForUnknownMode()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => F.interpolate(zeros(1, 1, 2, 2), size: [4, 4], mode: "trilinear"));
        Assert.Equal("mode", e.ParamName);
        Assert.Contains("'trilinear'", e.Message);
        Assert.Contains("'bilinear'", e.Message);
    }

    [Fact]
    public void Interpolate_ThrowsForInvalidArgumentCombinations()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 1, 2, 2);
        Assert.Equal("align_corners", Assert.Throws<ArgumentException>(() => F.interpolate(x, size: [4, 4], align_corners: false)).ParamName);
        Assert.Throws<ArgumentException>(() => F.interpolate(x));
        Assert.Throws<ArgumentException>(() => F.interpolate(x, size: [4, 4], scale_factor: [2.0]));
        Assert.Equal("size", Assert.Throws<ArgumentException>(() => F.interpolate(x, size: [4, 4, 4])).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => F.interpolate(zeros(1, 2, 2), size: [4])).ParamName);
    }

    [Fact]
    public void GridSample_MatchesPyTorchInEveryMode()
    {
        using var scope = NewDisposeScope();
        var x = reference["gs.x"];
        var grid = reference["gs.grid"];
        foreach (var mode in new[] { "bilinear", "nearest", "bicubic" })
        {
            foreach (var padding in new[] { "zeros", "border", "reflection" })
            {
                foreach (var alignCorners in new[] { false, true })
                {
                    TensorAssert.Close(reference[$"gs.{mode}.{padding}.{alignCorners}"],
                        F.grid_sample(x, grid, mode, padding, alignCorners), rtol: 1e-5, atol: 1e-6);
                }
            }
        }
    }

    [Fact]
    public void GridSample_HandComputed()
    {
        using var scope = NewDisposeScope();
        // 1×2 image [10, 20]; with align_corners x = −1 and +1 are the pixel centres, x = 0 halfway.
        var x = tensor(new float[] { 10, 20 }, [1, 1, 1, 2]);
        var grid = tensor(new float[] { -1, 0, 0, 0, 1, 0, 2, 0 }, [1, 1, 4, 2]);
        // x = 2 lies at pixel 1.5: half of 20 and half of the zero padding.
        TensorAssert.Values([10, 15, 20, 10], F.grid_sample(x, grid, align_corners: true));
        TensorAssert.Values([10, 15, 20, 20], F.grid_sample(x, grid, padding_mode: "border", align_corners: true));
        // Without align_corners, ±1 are the outer edges: x = −1 is half a pixel left of 10's centre, weighted with zero padding.
        TensorAssert.Values([5, 15, 10, 0], F.grid_sample(x, grid, align_corners: false));
    }

    [Fact]
    public void GridSample_ThrowsForGridOfWrongShape()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 1, 3, 3);
        var e = Assert.Throws<TorchException>(() => F.grid_sample(x, zeros(1, 2, 2, 3)));
        Assert.Contains("grid", e.Message);
        Assert.Throws<TorchException>(() => F.grid_sample(x, zeros(2, 2, 2, 2)));
    }

    [Fact]
    public void GridSample_ThrowsForUnknownModes()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 1, 3, 3);
        var grid = zeros(1, 2, 2, 2);
        Assert.Contains("'area'", Assert.Throws<ArgumentException>(() => F.grid_sample(x, grid, mode: "area")).Message);
        Assert.Equal("padding_mode", Assert.Throws<ArgumentException>(() => F.grid_sample(x, grid, padding_mode: "wrap")).ParamName);
    }
}
