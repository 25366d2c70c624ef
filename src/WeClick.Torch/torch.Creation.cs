using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Creation: tensors from shapes (torch.zeros, torch.ones, torch.full, torch.empty, ...).
public static partial class torch
{
    /// <summary>The dtype a creation function uses when none is given (PyTorch's default, float32).</summary>
    public const ScalarType DefaultDtype = ScalarType.Float32;

    private unsafe delegate int ShapeFactory(long* sizes, long ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);

    private static unsafe Tensor Create(ShapeFactory factory, long[] size, ScalarType? dtype, Device? device, bool requires_grad, string operation)
    {
        ArgumentNullException.ThrowIfNull(size);
        var d = device ?? CPU;
        fixed (long* p = size)
        {
            return Tensor.Wrap(factory(p, size.Length, (int)(dtype ?? DefaultDtype), (int)d.Type, d.Index, requires_grad ? 1 : 0, out var r), r, operation);
        }
    }

    /// <summary>An uninitialised tensor.</summary>
    public static unsafe Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.WcTensor_empty, size, dtype, device, requires_grad, nameof(empty));

    /// <summary>An uninitialised float32 CPU tensor.</summary>
    public static Tensor empty(params long[] size) => empty(size, null);

    /// <summary>A tensor of zeros.</summary>
    public static unsafe Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.WcTensor_zeros, size, dtype, device, requires_grad, nameof(zeros));

    /// <summary>A float32 CPU tensor of zeros.</summary>
    public static Tensor zeros(params long[] size) => zeros(size, null);

    /// <summary>A tensor of ones.</summary>
    public static unsafe Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.WcTensor_ones, size, dtype, device, requires_grad, nameof(ones));

    /// <summary>A float32 CPU tensor of ones.</summary>
    public static Tensor ones(params long[] size) => ones(size, null);

    /// <summary>A tensor filled with <paramref name="value"/>; without a dtype, PyTorch's rule applies (float32 for a floating value, int64 for an integer, bool for a boolean).</summary>
    public static unsafe Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        ArgumentNullException.ThrowIfNull(size);
        var d = device ?? CPU;
        var type = dtype ?? (value.Native.Kind switch { 0 => DefaultDtype, 1 => ScalarType.Int64, _ => ScalarType.Bool });
        fixed (long* p = size)
        {
            return Tensor.Wrap(NativeMethods.WcTensor_full(p, size.Length, value.Native, (int)type, (int)d.Type, d.Index, requires_grad ? 1 : 0, out var r), r);
        }
    }

    private static (int Type, int Index) LikeDevice(Device? device) => device is { } d ? ((int)d.Type, d.Index) : (-1, -1);

    /// <summary>Values from <paramref name="start"/> up to (not including) <paramref name="end"/> in steps of <paramref name="step"/> (default 1);
    /// without a dtype, int64 when all three are integers, else float32 (PyTorch's rule).</summary>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)] // arange(1, 0) means start and end, not end and dtype uint8
    public static Tensor arange(Scalar start, Scalar end, Scalar? step = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        return Tensor.Wrap(NativeMethods.WcTensor_arange(start.Native, end.Native, (step ?? 1).Native, dtype is null ? -1 : (int)dtype.Value,
            (int)d.Type, d.Index, requires_grad ? 1 : 0, out var r), r);
    }

    /// <summary>Values 0, 1, ... up to (not including) <paramref name="end"/>.</summary>
    public static Tensor arange(Scalar end, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(0, end, 1, dtype, device, requires_grad);

    /// <summary><paramref name="steps"/> evenly spaced values from <paramref name="start"/> to <paramref name="end"/> inclusive (float32 unless a dtype is given).</summary>
    public static Tensor linspace(Scalar start, Scalar end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        return Tensor.Wrap(NativeMethods.WcTensor_linspace(start.Native, end.Native, steps, (int)(dtype ?? DefaultDtype),
            (int)d.Type, d.Index, requires_grad ? 1 : 0, out var r), r);
    }

    /// <summary>An n×m matrix (m defaults to n) with ones on the diagonal.</summary>
    public static Tensor eye(long n, long? m = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        return Tensor.Wrap(NativeMethods.WcTensor_eye(n, m ?? n, (int)(dtype ?? DefaultDtype), (int)d.Type, d.Index, requires_grad ? 1 : 0, out var r), r);
    }

    /// <summary>Draws from U[0, 1) with the default generator (the same numbers as PyTorch after the same <see cref="manual_seed"/>).</summary>
    public static unsafe Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.WcTensor_rand, size, dtype, device, requires_grad, nameof(rand));

    /// <summary>A float32 CPU tensor of U[0, 1) draws.</summary>
    public static Tensor rand(params long[] size) => rand(size, null);

    /// <summary>Draws from N(0, 1) with the default generator (the same numbers as PyTorch after the same <see cref="manual_seed"/>).</summary>
    public static unsafe Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.WcTensor_randn, size, dtype, device, requires_grad, nameof(randn));

    /// <summary>A float32 CPU tensor of N(0, 1) draws.</summary>
    public static Tensor randn(params long[] size) => randn(size, null);

    /// <summary>Integers drawn uniformly from [<paramref name="low"/>, <paramref name="high"/>) with the default generator; int64 unless a dtype is given.</summary>
    public static unsafe Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        ArgumentNullException.ThrowIfNull(size);
        var d = device ?? CPU;
        fixed (long* p = size)
        {
            return Tensor.Wrap(NativeMethods.WcTensor_randint(low, high, p, size.Length, (int)(dtype ?? ScalarType.Int64),
                (int)d.Type, d.Index, requires_grad ? 1 : 0, out var r), r);
        }
    }

    /// <summary>Integers drawn uniformly from [0, <paramref name="high"/>); int64 unless a dtype is given.</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        randint(0, high, size, dtype, device, requires_grad);

    /// <summary>A random permutation of 0 .. n−1 (int64 unless a dtype is given).</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        return Tensor.Wrap(NativeMethods.WcTensor_randperm(n, (int)(dtype ?? ScalarType.Int64), (int)d.Type, d.Index, requires_grad ? 1 : 0, out var r), r);
    }

    private delegate int LikeFactory(TensorHandle input, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);

    private static Tensor Like(LikeFactory factory, Tensor input, ScalarType? dtype, Device? device, bool requires_grad, string operation)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (type, index) = LikeDevice(device);
        return Tensor.Wrap(factory(input.Handle, dtype is null ? -1 : (int)dtype.Value, type, index, requires_grad ? 1 : 0, out var r), r, operation);
    }

    /// <summary>An uninitialised tensor with <paramref name="input"/>'s shape (and its dtype and device unless given).</summary>
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like(NativeMethods.WcTensor_empty_like, input, dtype, device, requires_grad, nameof(empty_like));

    /// <summary>Zeros with <paramref name="input"/>'s shape (and its dtype and device unless given).</summary>
    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like(NativeMethods.WcTensor_zeros_like, input, dtype, device, requires_grad, nameof(zeros_like));

    /// <summary>Ones with <paramref name="input"/>'s shape (and its dtype and device unless given).</summary>
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like(NativeMethods.WcTensor_ones_like, input, dtype, device, requires_grad, nameof(ones_like));

    /// <summary>U[0, 1) draws with <paramref name="input"/>'s shape (and its dtype and device unless given).</summary>
    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like(NativeMethods.WcTensor_rand_like, input, dtype, device, requires_grad, nameof(rand_like));

    /// <summary>N(0, 1) draws with <paramref name="input"/>'s shape (and its dtype and device unless given).</summary>
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like(NativeMethods.WcTensor_randn_like, input, dtype, device, requires_grad, nameof(randn_like));

    /// <summary><paramref name="value"/> everywhere, with <paramref name="input"/>'s shape (and its dtype and device unless given).</summary>
    public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (type, index) = LikeDevice(device);
        return Tensor.Wrap(NativeMethods.WcTensor_full_like(input.Handle, value.Native, dtype is null ? -1 : (int)dtype.Value, type, index,
            requires_grad ? 1 : 0, out var r), r);
    }
}
