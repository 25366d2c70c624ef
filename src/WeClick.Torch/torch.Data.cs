using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Tensors from .NET data: copies (tensor) and zero-copy views of pinned arrays (from_array).
public static partial class torch
{
    /// <summary>A new tensor holding a copy of <paramref name="data"/> with the given shape (default: 1-D).</summary>
    /// <exception cref="ArgumentException">The shape's element count differs from the data length.</exception>
    public static Tensor tensor<T>(ReadOnlySpan<T> data, long[]? shape = null, ScalarType? dtype = null,
        Device? device = null, bool requires_grad = false) where T : unmanaged
    {
        var dims = shape ?? [data.Length];
        CheckLength(data.Length, dims);
        using var scope = NewDisposeScope();
        var result = empty(dims, ScalarTypeExtensions.FromClrType<T>());
        data.CopyTo(result.data<T>());
        if (dtype is not null || device is not null)
        {
            result = result.to(device ?? CPU, dtype);
        }
        if (requires_grad)
        {
            result.requires_grad_(true);
        }
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>A new tensor holding a copy of <paramref name="data"/> with the given shape (default: 1-D).</summary>
    public static Tensor tensor<T>(T[] data, long[]? shape = null, ScalarType? dtype = null,
        Device? device = null, bool requires_grad = false) where T : unmanaged =>
        tensor(new ReadOnlySpan<T>(data), shape, dtype, device, requires_grad);

    /// <summary>A new tensor copied from a multi-dimensional array; the shape is the array's.</summary>
    public static Tensor tensor<T>(Array data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetType().GetElementType() != typeof(T))
        {
            throw new ArgumentException($"tensor<{typeof(T).Name}>: the array holds {data.GetType().GetElementType()?.Name}.", nameof(data));
        }
        var shape = Enumerable.Range(0, data.Rank).Select(d => (long)data.GetLength(d)).ToArray();
        var span = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length);
        return tensor(span, shape, dtype, device, requires_grad);
    }

    /// <summary>A 0-dimensional float32 tensor.</summary>
    public static Tensor tensor(float value, bool requires_grad = false) => tensor([value], [], requires_grad: requires_grad);

    /// <summary>A 0-dimensional float64 tensor.</summary>
    public static Tensor tensor(double value, bool requires_grad = false) => tensor([value], [], requires_grad: requires_grad);

    /// <summary>A 0-dimensional int64 tensor.</summary>
    public static Tensor tensor(long value) => tensor([value], []);

    /// <summary>
    /// A tensor that shares <paramref name="data"/>'s memory (no copy), like <c>torch.from_numpy</c>:
    /// the array is pinned until libtorch frees the tensor, and writes to either side show in both.
    /// </summary>
    public static unsafe Tensor from_array<T>(T[] data, params long[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var dims = shape.Length == 0 ? [data.LongLength] : shape;
        CheckLength(data.Length, dims);
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            fixed (long* sizes = dims)
            {
                return Tensor.Wrap(NativeMethods.WcTensor_from_blob((void*)pin.AddrOfPinnedObject(), sizes, dims.Length,
                    (int)ScalarTypeExtensions.FromClrType<T>(), &ReleasePin, GCHandle.ToIntPtr(pin), out var r), r);
            }
        }
        catch
        {
            pin.Free();
            throw;
        }
    }

    [UnmanagedCallersOnly]
    private static void ReleasePin(IntPtr context) => GCHandle.FromIntPtr(context).Free();

    private static void CheckLength(long length, long[] shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Shape [{string.Join(", ", shape)}] has a negative size.", nameof(shape));
            }
            count *= d;
        }
        if (count != length)
        {
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {count} elements but the data has {length}.", nameof(shape));
        }
    }
}
