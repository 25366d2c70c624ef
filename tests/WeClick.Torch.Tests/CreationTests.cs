
namespace WeClick.Torch.Tests;

public class CreationTests(CreationReference reference) : IClassFixture<CreationReference>
{
    [Fact]
    public void Arange_MatchesPyTorchIncludingDtypeInference()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Equal(reference["arange5"], arange(5));
        TensorAssert.Equal(reference["arange_float"], arange(0.5, 3));
        TensorAssert.Equal(reference["arange_step"], arange(1, 10, 3));
        TensorAssert.Equal(reference["arange_neg"], arange(2, -1.0, -0.5));
        Assert.Equal(ScalarType.Int64, arange(5).dtype);
        Assert.Equal(ScalarType.Float32, arange(0.5, 3).dtype);
        Assert.Equal(ScalarType.Float64, arange(3, dtype: float64).dtype);
        // arange(1, 0) is start 1, end 0 (an error in PyTorch too), not end 1 with dtype code 0 (uint8).
        Assert.Contains("inconsistent with step sign", Assert.Throws<TorchException>(() => arange(1, 0)).Message);
    }

    [Fact]
    public void LinspaceAndEye_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Equal(reference["linspace"], linspace(-1, 1, 7));
        TensorAssert.Equal(reference["linspace64"], linspace(0, 1, 5, float64));
        TensorAssert.Equal(reference["eye3"], eye(3));
        TensorAssert.Equal(reference["eye23"], eye(2, 3, int64));
    }

    [Fact]
    public void ManualSeed_GivesTheSameRandomNumbersAsPython()
    {
        using var scope = NewDisposeScope();
        // The same seed and the same sequence of draws as creation.py: bit-identical results.
        manual_seed(1234);
        TensorAssert.Equal(reference["rand"], rand(3, 4));
        TensorAssert.Equal(reference["randn"], randn(2, 5));
        TensorAssert.Equal(reference["randint"], randint(-5, 5, [4, 3]));
        TensorAssert.Equal(reference["rand64"], rand([3], float64));
        TensorAssert.Equal(reference["randperm"], randperm(6));
        manual_seed(7);
        var zerosBase = zeros(2, 3);
        TensorAssert.Equal(reference["rand_like"], rand_like(zerosBase));
        TensorAssert.Equal(reference["randn_like"], randn_like(zerosBase));
        TensorAssert.Equal(reference["randint_high"], randint(10, [5]));
    }

    [Fact]
    public void Randint_StaysInRangeAndIsInt64()
    {
        using var scope = NewDisposeScope();
        var r = randint(3, 7, [1000]);
        Assert.Equal(ScalarType.Int64, r.dtype);
        Assert.Equal(3L, r.min().item<long>());
        Assert.Equal(6L, r.max().item<long>());
        Assert.Equal(ScalarType.Int32, randint(0, 2, [3], int32).dtype);
    }

    [Fact]
    public void Like_KeepsShapeDtypeAndDeviceUnlessOverridden()
    {
        using var scope = NewDisposeScope();
        var source = tensor(new long[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var z = zeros_like(source);
        Assert.Equal(new long[] { 2, 3 }, z.shape);
        Assert.Equal(ScalarType.Int64, z.dtype);
        TensorAssert.Values([0, 0, 0, 0, 0, 0], z);
        TensorAssert.Values([1, 1, 1, 1, 1, 1], ones_like(source));
        var f = full_like(source, 2.5, float32);
        Assert.Equal(ScalarType.Float32, f.dtype);
        TensorAssert.Values([2.5, 2.5, 2.5, 2.5, 2.5, 2.5], f);
        Assert.Equal(new long[] { 2, 3 }, empty_like(source).shape);
        // full_like keeps the input's integer dtype, so 2.5 truncates as in PyTorch.
        TensorAssert.Values([2, 2, 2, 2, 2, 2], full_like(source, 2.5));
        var g = zeros_like(source, float64, requires_grad: true);
        Assert.True(g.requires_grad);
        Assert.Equal(ScalarType.Float64, g.dtype);
    }

    [Fact]
    public void Rand_HonoursRequiresGradAndDtype()
    {
        using var scope = NewDisposeScope();
        var r = rand([2, 2], float64, requires_grad: true);
        Assert.True(r.requires_grad);
        Assert.Equal(ScalarType.Float64, r.dtype);
        Assert.True(arange(0.0, 1.0, 0.25, requires_grad: true).requires_grad);
    }

    [Fact]
    public void Arange_ThrowsForZeroStep()
    {
        var e = Assert.Throws<TorchException>(() => arange(0, 5, 0));
        Assert.Equal("arange", e.Operation);
        Assert.Contains("step must be nonzero", e.Message);
    }

    [Fact]
    public void Randint_ThrowsForEmptyRange()
    {
        var e = Assert.Throws<TorchException>(() => randint(5, 5, [2]));
        Assert.Contains("random_ expects 'from' to be less than 'to'", e.Message);
    }
}
