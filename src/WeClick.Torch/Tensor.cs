using System.Runtime.CompilerServices;
using WeClick.Torch.Interop;

namespace WeClick.Torch;

/// <summary>
/// A multi-dimensional array on a device, with autograd: a handle to one libtorch <c>at::Tensor</c>.
/// </summary>
/// <remarks>
/// Method names and semantics follow PyTorch (<c>x.sum(dim, keepdim)</c>, <c>x.reshape(...)</c>,
/// <c>x.backward()</c>), so PyTorch code ports line by line. Each <see cref="Tensor"/> owns its native
/// reference: dispose it, or let a <see cref="DisposeScope"/> do so. Like TorchSharp's tensors, each
/// object is an alias: <c>x.grad</c> or <c>x.alias()</c> return new objects (and new references) to
/// the same storage, and must be disposed in turn.
/// </remarks>
public partial class Tensor : IDisposable
{
    private readonly TensorHandle _handle;
    private DisposeScope? _scope;

    /// <summary>Takes ownership of a native handle and registers the tensor with the current dispose scope.</summary>
    internal Tensor(IntPtr handle)
    {
        if (handle == IntPtr.Zero)
        {
            throw new ArgumentException("A tensor needs a native handle; the shim returned none.", nameof(handle));
        }
        _handle = new TensorHandle(handle);
        _scope = DisposeScope.Current;
        _scope?.Attach(this);
    }

    /// <summary>The native handle; throws if this tensor has been disposed.</summary>
    internal TensorHandle Handle
    {
        get
        {
            if (_handle.IsClosed)
            {
                ThrowDisposed();
            }
            return _handle;
        }
    }

    /// <summary>True once <see cref="Dispose"/> (or the owning scope) has released the native reference.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>The dispose scope that will dispose this tensor, or null.</summary>
    public DisposeScope? OwningDisposeScope => _scope;

    /// <summary>Releases the native reference (the storage is freed when no alias references it any more).</summary>
    public void Dispose()
    {
        _scope?.Detach(this);
        _scope = null;
        _handle.Dispose();
        GC.SuppressFinalize(this);
    }

    internal void DisposeFromScope()
    {
        _scope = null;
        _handle.Dispose();
    }

    /// <summary>Removes this tensor from its dispose scope, so that only <see cref="Dispose"/> (or the GC) frees it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        _scope?.Detach(this);
        _scope = null;
        return this;
    }

    /// <summary>Hands this tensor to the scope outside its current one (or to no scope) and returns it.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var outer = _scope?.Outer;
        _scope?.Detach(this);
        _scope = outer;
        outer?.Attach(this);
        return this;
    }

    /// <summary>Wraps the result of a shim call that returns one tensor, after checking its status.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Tensor Wrap(int status, IntPtr result, [CallerMemberName] string operation = "")
    {
        NativeStatus.Check(status, operation);
        return new Tensor(result);
    }

    /// <summary>As <see cref="Wrap"/>, but an undefined result (NULL) becomes null.</summary>
    internal static Tensor? WrapOrNull(int status, IntPtr result, [CallerMemberName] string operation = "")
    {
        NativeStatus.Check(status, operation);
        return result == IntPtr.Zero ? null : new Tensor(result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(Tensor),
            "This tensor has been disposed (by Dispose() or by the dispose scope it was created in). " +
            "Keep a tensor beyond its scope with MoveToOuterDisposeScope() or DetachFromDisposeScope().");

    /// <summary>A new handle to the same tensor (shares storage and autograd history).</summary>
    public Tensor alias() => Wrap(NativeMethods.WcTensor_alias(Handle, out var r), r);

    /// <summary>Number of dimensions.</summary>
    public long dim()
    {
        NativeStatus.Check(NativeMethods.WcTensor_dim(Handle, out var d));
        return d;
    }

    /// <summary>Number of dimensions.</summary>
    public long ndim => dim();

    /// <summary>The sizes of the dimensions.</summary>
    public unsafe long[] shape
    {
        get
        {
            var result = new long[dim()];
            fixed (long* p = result)
            {
                NativeStatus.Check(NativeMethods.WcTensor_sizes(Handle, p, result.Length));
            }
            return result;
        }
    }

    /// <summary>The size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long size(long dim)
    {
        var sizes = shape;
        var d = dim < 0 ? dim + sizes.Length : dim;
        if (d < 0 || d >= sizes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"Dimension out of range for a tensor of {sizes.Length} dimensions.");
        }
        return sizes[d];
    }

    /// <summary>The strides of the dimensions, in elements.</summary>
    public unsafe long[] stride()
    {
        var result = new long[dim()];
        fixed (long* p = result)
        {
            NativeStatus.Check(NativeMethods.WcTensor_strides(Handle, p, result.Length));
        }
        return result;
    }

    /// <summary>Total number of elements.</summary>
    public long numel()
    {
        NativeStatus.Check(NativeMethods.WcTensor_numel(Handle, out var n));
        return n;
    }

    /// <summary>The element type.</summary>
    public ScalarType dtype
    {
        get
        {
            NativeStatus.Check(NativeMethods.WcTensor_dtype(Handle, out var t));
            return (ScalarType)t;
        }
    }

    /// <summary>The device that holds the data.</summary>
    public Device device
    {
        get
        {
            NativeStatus.Check(NativeMethods.WcTensor_device(Handle, out var type, out var index));
            return new Device((DeviceType)type, index);
        }
    }

    /// <summary>True if the elements are laid out in row-major order without gaps.</summary>
    public bool is_contiguous()
    {
        NativeStatus.Check(NativeMethods.WcTensor_is_contiguous(Handle, out var c));
        return c != 0;
    }

    /// <summary>Bytes per element.</summary>
    public long element_size()
    {
        NativeStatus.Check(NativeMethods.WcTensor_element_size(Handle, out var s));
        return s;
    }

    /// <summary>A row-major copy, or this tensor's alias if it is contiguous already.</summary>
    public Tensor contiguous() => Wrap(NativeMethods.WcTensor_contiguous(Handle, out var r), r);

    /// <summary>A copy with its own storage (differentiable).</summary>
    public Tensor clone() => Wrap(NativeMethods.WcTensor_clone(Handle, out var r), r);

    /// <summary>Copies <paramref name="source"/> (broadcast, converted) into this tensor in place.</summary>
    public Tensor copy_(Tensor source, bool non_blocking = false)
    {
        NativeStatus.Check(NativeMethods.WcTensor_copy_(Handle, source.Handle, non_blocking ? 1 : 0));
        return this;
    }

    /// <summary>Converts to another dtype and/or device; returns an alias when nothing changes and <paramref name="copy"/> is false.</summary>
    public Tensor to(Device device, ScalarType? dtype = null, bool non_blocking = false, bool copy = false) =>
        Wrap(NativeMethods.WcTensor_to(Handle, (int)device.Type, device.Index, dtype is null ? -1 : (int)dtype.Value,
            non_blocking ? 1 : 0, copy ? 1 : 0, out var r), r);

    /// <summary>Converts to another dtype on the same device.</summary>
    public Tensor to(ScalarType dtype, bool non_blocking = false, bool copy = false) => to(device, dtype, non_blocking, copy);

    /// <summary>Converts to another dtype (PyTorch's <c>x.type(dtype)</c>).</summary>
    public Tensor type(ScalarType dtype) => to(dtype);

    /// <summary>Moves to the CPU (an alias if already there).</summary>
    public Tensor cpu() => to(new Device(DeviceType.CPU));

    /// <summary>Moves to a CUDA device.</summary>
    public Tensor cuda(int index = -1) => to(new Device(DeviceType.CUDA, index));

    /// <summary>As <c>x.float()</c>.</summary>
    public Tensor @float() => to(ScalarType.Float32);

    /// <summary>As <c>x.double()</c>.</summary>
    public Tensor @double() => to(ScalarType.Float64);

    /// <summary>As <c>x.long()</c>.</summary>
    public Tensor @long() => to(ScalarType.Int64);

    /// <summary>As <c>x.int()</c>.</summary>
    public Tensor @int() => to(ScalarType.Int32);

    /// <summary>As <c>x.bool()</c>.</summary>
    public Tensor @bool() => to(ScalarType.Bool);

    /// <summary>As <c>x.half()</c>.</summary>
    public Tensor half() => to(ScalarType.Float16);

    /// <summary>As <c>x.bfloat16()</c>.</summary>
    public Tensor bfloat16() => to(ScalarType.BFloat16);
}
