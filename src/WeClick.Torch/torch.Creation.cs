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
}
