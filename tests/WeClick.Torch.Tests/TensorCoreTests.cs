
namespace WeClick.Torch.Tests;

public class TensorCoreTests
{
    [Fact]
    public void Tensor_RoundTripsValuesShapeAndDtype()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(DeviceType.CPU, t.device.Type);
        Assert.Equal(new long[] { 3, 1 }, t.stride());
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.ToArray<float>());
        Assert.Equal(6, t.numel());
    }

    [Fact]
    public void Tensor_FromMultiDimensionalArrayTakesItsShape()
    {
        using var scope = NewDisposeScope();
        var t = tensor<long>(new long[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(ScalarType.Int64, t.dtype);
        Assert.Equal(6L, t.narrow(1, 2, 1).narrow(0, 1, 1).item<long>());
    }

    [Fact]
    public void FromArray_SharesMemoryWithTheArray()
    {
        using var scope = NewDisposeScope();
        var data = new double[] { 1, 2, 3, 4 };
        var t = from_array(data, 2, 2);
        data[3] = 40;
        Assert.Equal(40.0, t.narrow(0, 1, 1).narrow(1, 1, 1).item<double>());
        t.mul_(2);
        Assert.Equal(new double[] { 2, 4, 6, 80 }, data);
    }

    [Fact]
    public void FromArray_KeepsTheArrayAliveAfterTheTensorIsCollected()
    {
        // The pin is released by libtorch's deleter; creating and dropping many views must not leak pins or crash.
        for (var i = 0; i < 1000; i++)
        {
            using var t = from_array(new float[16], 4, 4);
            t.add_(1);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Fact]
    public void Tensor_ThrowsForShapeThatDoesNotMatchData()
    {
        var e = Assert.Throws<ArgumentException>(() => tensor(new float[] { 1, 2, 3 }, [2, 2]));
        Assert.Contains("holds 4 elements but the data has 3", e.Message);
    }

    [Fact]
    public void Full_PicksDtypeFromTheScalarKind()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(ScalarType.Float32, full([2], 1.5).dtype);
        Assert.Equal(ScalarType.Int64, full([2], 3).dtype);
        Assert.Equal(ScalarType.Bool, full([2], true).dtype);
        Assert.Equal(new long[] { 7, 7 }, full([2], 7).ToArray<long>());
    }

    [Fact]
    public void Factories_HonourRequiresGrad()
    {
        using var scope = NewDisposeScope();
        Assert.True(zeros([2], requires_grad: true).requires_grad);
        Assert.True(ones([2], requires_grad: true).requires_grad);
        Assert.True(empty([2], requires_grad: true).requires_grad);
        Assert.True(full([2], 1.5, requires_grad: true).requires_grad);
        Assert.False(zeros(2).requires_grad);
        var x = ones([3], requires_grad: true);
        (x * x).sum().backward();
        TensorAssert.Values([2, 2, 2], x.grad!);
    }

    [Fact]
    public void Operators_FollowPyTorchTypePromotion()
    {
        using var scope = NewDisposeScope();
        var i = tensor(new long[] { 1, 2, 3 });
        Assert.Equal(ScalarType.Int64, (i + 2).dtype);
        Assert.Equal(ScalarType.Float32, (i + 2.5).dtype);
        Assert.Equal(ScalarType.Float32, (i / 2).dtype);
        Assert.Equal(new double[] { 0.5, 1, 1.5 }, (i / 2).ToArray<double>());
        TensorAssert.Values([1, 0, -1], 2 - i);
        TensorAssert.Values([2, 1, 2.0 / 3], 2 / i.@float());
    }

    [Fact]
    public void Operation_ThrowsTorchExceptionWithLibtorchMessageForMismatchedShapes()
    {
        using var scope = NewDisposeScope();
        var a = zeros(2, 3);
        var b = zeros(4, 5);
        var e = Assert.Throws<TorchException>(() => a + b);
        Assert.Equal("add", e.Operation);
        Assert.Contains("must match the size", e.Message);
    }

    [Fact]
    public void DisposedTensor_ThrowsObjectDisposedException()
    {
        var t = zeros(2);
        t.Dispose();
        Assert.True(t.IsDisposed);
        var e = Assert.Throws<ObjectDisposedException>(() => t.add(1));
        Assert.Contains("disposed", e.Message);
        t.Dispose(); // twice is harmless
        Assert.Equal("Tensor (disposed)", t.ToString());
    }

    [Fact]
    public void Data_ThrowsForWrongElementType()
    {
        using var t = zeros(3);
        var e = Assert.Throws<InvalidOperationException>(() => t.data<double>());
        Assert.Contains("float32", e.Message);
    }

    [Fact]
    public void ToString_ShowsShapeDtypeAndFirstValues()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 0.5f, 1, 2, 3, 4, 5, 6, 7 }, [2, 4]);
        Assert.Equal("Tensor[2, 4] float32 cpu [0.5, 1, 2, 3, 4, 5, ...]", t.ToString());
        Assert.Equal("Tensor[] int64 cpu [3]", tensor(3L).ToString());
    }

    [Fact]
    public void ManualSeed_ReproducesTheSameRngState()
    {
        using var scope = NewDisposeScope();
        manual_seed(123);
        var first = get_rng_state();
        manual_seed(123);
        var second = get_rng_state();
        TensorAssert.Equal(first, second);
        Assert.Equal(123, initial_seed());
    }

    [Fact]
    public void Python_AgreesOnCreationAndArithmetic()
    {
        var reference = PyTorchReference.Generate("core.py");
        using var scope = NewDisposeScope();
        var a = reference["a"];
        var b = reference["b"];
        TensorAssert.Close(reference["a+b"], a + b);
        TensorAssert.Close(reference["a-2.5*b"], a.sub(b, 2.5));
        TensorAssert.Close(reference["a*b"], a * b);
        TensorAssert.Close(reference["a/b"], a / b);
        TensorAssert.Close(reference["3-a"], 3 - a);
        TensorAssert.Equal(reference["full_int"], full([2, 2], 7));
        foreach (var t in reference.Values)
        {
            t.Dispose();
        }
    }
}
