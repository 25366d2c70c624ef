
namespace WeClick.Torch.Tests;

public class ReductionTests(ReductionReference reference) : IClassFixture<ReductionReference>
{
    private Tensor X => reference["x"];

    [Fact]
    public void SumAndMean_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Close(reference["sum_1"], X.sum(1));
        TensorAssert.Close(reference["sum_02_keep"], X.sum([0, 2], keepdim: true));
        TensorAssert.Close(reference["sum_neg"], X.sum(-1));
        TensorAssert.Equal(reference["sum_int"], reference["i"].sum());
        TensorAssert.Equal(reference["sum_int_dim"], reference["i"].sum(0));
        TensorAssert.Equal(reference["sum_f64"], X.sum(1, dtype: float64));
        TensorAssert.Close(reference["mean"], X.mean());
        TensorAssert.Close(reference["mean_1"], X.mean(1));
        TensorAssert.Close(reference["mean_12_keep"], X.mean([1, 2], keepdim: true));
        TensorAssert.Close(reference["prod"], reference["p"].prod());
        TensorAssert.Close(reference["prod_1"], reference["p"].prod(1));
    }

    [Fact]
    public void Extrema_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Equal(reference["max"], X.max());
        TensorAssert.Equal(reference["min"], X.min());
        var (maxValues, maxIndices) = X.max(1);
        TensorAssert.Equal(reference["max_values"], maxValues);
        TensorAssert.Equal(reference["max_indices"], maxIndices);
        var (minValues, minIndices) = X.min(-1, keepdim: true);
        TensorAssert.Equal(reference["min_values"], minValues);
        TensorAssert.Equal(reference["min_indices"], minIndices);
        TensorAssert.Equal(reference["amax"], X.amax([0, 2]));
        TensorAssert.Equal(reference["amin"], X.amin([1], keepdim: true));
        TensorAssert.Equal(reference["argmax"], X.argmax());
        TensorAssert.Equal(reference["argmax_1_keep"], X.argmax(1, keepdim: true));
        TensorAssert.Equal(reference["argmin_2"], X.argmin(2));
    }

    [Fact]
    public void SpreadNormsAndLogic_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Close(reference["std"], X.std());
        TensorAssert.Close(reference["std_biased_1"], X.std(1, unbiased: false));
        TensorAssert.Close(reference["var_0_keep"], X.var(0, keepdim: true));
        TensorAssert.Close(reference["var_biased"], X.var(unbiased: false));
        var mask = reference["mask"];
        TensorAssert.Equal(reference["all"], mask.all());
        TensorAssert.Equal(reference["any"], mask.any());
        TensorAssert.Equal(reference["all_1"], mask.all(1));
        TensorAssert.Equal(reference["any_0_keep"], mask.any(0, keepdim: true));
        TensorAssert.Close(reference["norm"], X.norm());
        TensorAssert.Close(reference["norm_1"], X.norm(1, [1]));
        TensorAssert.Close(reference["norm_inf"], X.norm(double.PositiveInfinity));
        TensorAssert.Close(reference["norm_2_keep"], X.norm(2, [1, 2], keepdim: true));
        TensorAssert.Close(reference["logsumexp"], X.logsumexp(2));
        TensorAssert.Close(reference["cumsum"], X.cumsum(1));
        TensorAssert.Equal(reference["cumsum_int"], reference["i"].cumsum(1));
        TensorAssert.Close(reference["cumprod"], reference["p"].cumprod(0));
    }

    [Fact]
    public void KeepdimAndNegativeDims_GiveHandComputedShapesAndValues()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var kept = t.sum(1, keepdim: true);
        Assert.Equal(new long[] { 2, 1 }, kept.shape);
        TensorAssert.Values([6, 15], kept);
        TensorAssert.Values([5, 7, 9], t.sum(-2));
        // A literal 0 is the dimension, not dtype code 0 (uint8): see OverloadResolutionPriority in Tensor.Reduction.cs.
        TensorAssert.Values([5, 7, 9], t.sum(0));
        TensorAssert.Values([2.5, 3.5, 4.5], t.mean(0));
        TensorAssert.Values([4, 10, 18], t.prod(0));
        TensorAssert.Values([2, 5], t.mean(-1));
        var (values, indices) = t.max(0, keepdim: true);
        Assert.Equal(new long[] { 1, 3 }, values.shape);
        TensorAssert.Values([4, 5, 6], values);
        Assert.Equal(new long[] { 1, 1, 1 }, indices.ToArray<long>());
        Assert.Equal(ScalarType.Int64, indices.dtype);
        Assert.Equal(5L, t.argmax().item<long>());
        TensorAssert.Values([1, 1], t.std(1));                  // unbiased: divides by N − 1
        TensorAssert.Values([2.0 / 3, 2.0 / 3], t.var(1, unbiased: false));
        Assert.Equal(new long[] { 1, 1 }, t.std([0, 1], keepdim: true).shape);
        TensorAssert.Values([1, 2, 6, 4, 20, 120], t.cumprod(1));
        Assert.Equal(ScalarType.Int64, tensor(new int[] { 1, 2 }).sum().dtype);   // integer sums widen to int64
    }

    [Fact]
    public void Max_ThrowsForDimensionOutOfRange()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => X.max(3));
        Assert.Equal("max", e.Operation);
        Assert.Contains("Dimension out of range", e.Message);
    }

    [Fact]
    public void Mean_ThrowsForIntegerInput()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => reference["i"].mean());
        Assert.Contains("mean(): could not infer output dtype", e.Message);
    }
}
