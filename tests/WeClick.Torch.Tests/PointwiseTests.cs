
namespace WeClick.Torch.Tests;

public class PointwiseTests(PointwiseReference reference) : IClassFixture<PointwiseReference>
{
    private Tensor X => reference["x"];
    private Tensor Y => reference["y"];
    private Tensor P => reference["p"];
    private Tensor A => reference["a"];
    private Tensor B => reference["b"];

    [Fact]
    public void UnaryMath_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = X;
        var p = P;
        var x3 = x * 3;
        var cases = new (string Name, Tensor Actual)[]
        {
            ("exp", x.exp()), ("abs", x.abs()), ("sigmoid", x.sigmoid()), ("tanh", x.tanh()), ("sin", x.sin()),
            ("cos", x.cos()), ("sign", x.sign()), ("square", x.square()), ("expm1", x.expm1()), ("neg", x.neg()),
            ("log", p.log()), ("log2", p.log2()), ("log1p", p.log1p()), ("rsqrt", p.rsqrt()), ("sqrt", p.sqrt()),
            ("floor", x3.floor()), ("ceil", x3.ceil()), ("round", x3.round()), ("trunc", x3.trunc()),
        };
        foreach (var (name, actual) in cases)
        {
            TensorAssert.Close(reference[name], actual);
        }
    }

    [Fact]
    public void InPlaceUnaryMath_MatchesOutOfPlace()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Close(reference["exp"], X.clone().exp_());
        TensorAssert.Close(reference["sigmoid"], X.clone().sigmoid_());
        TensorAssert.Close(reference["tanh"], X.clone().tanh_());
        TensorAssert.Close(reference["abs"], X.clone().abs_());
        TensorAssert.Close(reference["log"], P.clone().log_());
        TensorAssert.Close(reference["sqrt"], P.clone().sqrt_());
        TensorAssert.Close(reference["neg"], X.clone().neg_());
        TensorAssert.Close(reference["clamp"], X.clone().clamp_(-0.5, 0.5));
        TensorAssert.Close(reference["pow_2"], X.clone().pow_(2));
        TensorAssert.Close(reference["leaky_relu"], X.clone().leaky_relu_(0.2));
        TensorAssert.Close(reference["lerp"], X.clone().lerp_(Y, 0.3));
    }

    [Fact]
    public void PowClampAndFriends_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Close(reference["pow_tensor"], P.pow(Y));
        TensorAssert.Close(reference["pow_2"], X.pow(2));
        TensorAssert.Close(reference["pow_half"], P.pow(0.5));
        TensorAssert.Close(reference["pow_base"], pow(2, X));
        TensorAssert.Close(reference["leaky_relu"], X.leaky_relu(0.2));
        TensorAssert.Close(reference["clamp"], X.clamp(-0.5, 0.5));
        TensorAssert.Close(reference["clamp_min"], X.clamp(min: 0));
        TensorAssert.Close(reference["clamp_max"], X.clamp(max: 0.1));
        TensorAssert.Close(reference["clamp_min"], X.clamp_min(0));
        TensorAssert.Close(reference["clamp_max"], X.clamp_max(0.1));
        TensorAssert.Close(reference["clamp_tensor"], X.clamp(Y, Y + 1));
        TensorAssert.Close(reference["maximum"], maximum(X, Y));
        TensorAssert.Close(reference["minimum"], X.minimum(Y));
        TensorAssert.Close(reference["lerp"], X.lerp(Y, 0.3));
        TensorAssert.Close(reference["lerp_tensor"], X.lerp(Y, P));
        var x5 = X * 5;
        TensorAssert.Close(reference["fmod"], x5.fmod(1.5));
        TensorAssert.Close(reference["remainder"], x5 % 1.5);
        TensorAssert.Close(reference["floor_divide"], x5.floor_divide(1.5));
    }

    [Fact]
    public void Comparisons_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var a = A;
        var b = B;
        TensorAssert.Equal(reference["eq"], a.eq(b));
        TensorAssert.Equal(reference["ne"], a.ne(b));
        TensorAssert.Equal(reference["lt"], a < b);
        TensorAssert.Equal(reference["le"], a <= b);
        TensorAssert.Equal(reference["gt"], a > b);
        TensorAssert.Equal(reference["ge"], a >= b);
        TensorAssert.Equal(reference["eq_scalar"], a.eq(1));
        TensorAssert.Equal(reference["ne_scalar"], a.ne(1));
        TensorAssert.Equal(reference["lt_scalar"], a < 1);
        TensorAssert.Equal(reference["le_scalar"], a <= 1);
        TensorAssert.Equal(reference["gt_scalar"], 1 < a);
        TensorAssert.Equal(reference["ge_scalar"], 1 <= a);
        TensorAssert.Equal(reference["logical_and"], a.logical_and(b));
        TensorAssert.Equal(reference["logical_or"], a.logical_or(b));
        TensorAssert.Equal(reference["logical_xor"], a.logical_xor(b));
        TensorAssert.Equal(reference["logical_not"], a.logical_not());
        var special = reference["special"];
        TensorAssert.Equal(reference["isnan"], special.isnan());
        TensorAssert.Equal(reference["isinf"], special.isinf());
        TensorAssert.Equal(reference["isfinite"], isfinite(special));
    }

    [Fact]
    public void Where_MatchesPyTorchForTensorAndScalarBranches()
    {
        using var scope = NewDisposeScope();
        var condition = A > B;
        TensorAssert.Equal(reference["where"], where(condition, X, Y));
        TensorAssert.Equal(reference["where"], X.where(condition, Y));
        TensorAssert.Equal(reference["where_scalar_other"], where(condition, X, 0.0));
        TensorAssert.Equal(reference["where_scalar_self"], where(condition, 1.0, Y));
    }

    [Fact]
    public void MatrixProducts_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var m1 = reference["m1"];
        TensorAssert.Close(reference["matmul"], m1.matmul(reference["m2"]));
        TensorAssert.Close(reference["matmul_vec"], matmul(m1, reference["v"]));
        TensorAssert.Close(reference["mm"], m1[0].mm(reference["m2"]));
        TensorAssert.Close(reference["bmm"], bmm(m1, reference["m3"]));
        TensorAssert.Close(reference["dot"], reference["v"].dot(reference["v"]));
        TensorAssert.Close(reference["outer"], reference["v"].outer(X[0]));
    }

    [Fact]
    public void TypePromotion_FollowsPyTorch()
    {
        using var scope = NewDisposeScope();
        var i = tensor(new long[] { 1, 2, 3 });
        var f = tensor(new float[] { 0.5f, 0.25f, 2 });
        var sum = i + f;
        Assert.Equal(ScalarType.Float32, sum.dtype);
        TensorAssert.Values([1.5, 2.25, 5], sum);
        Assert.Equal(ScalarType.Int64, i.pow(2).dtype);
        TensorAssert.Values([1, 4, 9], i.pow(2));
        Assert.Equal(ScalarType.Float32, i.pow(0.5).dtype);
        Assert.Equal(ScalarType.Float32, i.exp().dtype); // integer inputs of float functions become float32
        Assert.Equal(ScalarType.Bool, (i > 1).dtype);
        TensorAssert.Values([0, 1, 1], i > 1);
        Assert.Equal(ScalarType.Int64, i.clamp(0, 2).dtype);
        var remainder = tensor(new long[] { -7, 7, 5 }) % 3;
        Assert.Equal(ScalarType.Int64, remainder.dtype);
        TensorAssert.Values([2, 1, 2], remainder);
    }

    [Fact]
    public void RoundAndRemainder_HandleTrickyValuesAsPyTorch()
    {
        using var scope = NewDisposeScope();
        var halves = tensor(new float[] { 0.5f, 1.5f, 2.5f, -0.5f, -1.5f });
        TensorAssert.Values([0, 2, 2, 0, -2], halves.round()); // round half to even
        var v = tensor(new float[] { -7, 7 });
        TensorAssert.Values([2, 1], v % 3);                    // sign of the divisor
        TensorAssert.Values([-1, 1], v.fmod(3));              // sign of the dividend
        TensorAssert.Values([-3, 2], v.floor_divide(3));
        TensorAssert.Values([-0.02, 1], tensor(new float[] { -2, 1 }).leaky_relu(), 1e-7);
    }

    [Fact]
    public void EqualAndAllclose_ReturnBooleans()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3 });
        Assert.True(a.equal(a.clone()));
        Assert.False(equal(a, tensor(new float[] { 1, 2, 4 })));
        Assert.False(a.equal(tensor(new float[] { 1, 2 })));
        Assert.True(allclose(a, a + 1e-7));
        Assert.False(a.allclose(a + 1e-3));
        var nan = tensor(new float[] { float.NaN });
        Assert.False(nan.allclose(nan));
        Assert.True(nan.allclose(nan, equal_nan: true));
        // == stays reference equality; eq compares values.
        var b = a.clone();
        Assert.False(ReferenceEquals(a, b));
        Assert.True(a.eq(b).all().item<bool>());
    }

    [Fact]
    public void Clamp_ThrowsWithoutBounds()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => X.clamp());
        Assert.Equal("clamp", e.Operation);
        Assert.Contains("At least one of 'min' or 'max' must not be None", e.Message);
    }

    [Fact]
    public void Mm_ThrowsForMismatchedInnerDimensions()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => zeros(2, 3).mm(zeros(4, 5)));
        Assert.Contains("cannot be multiplied", e.Message);
    }
}
