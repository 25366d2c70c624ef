using System.Runtime.InteropServices;
using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Shape: views and rearrangements (reshape, permute, squeeze, expand, flatten, repeat, flip, ...).
public partial class Tensor
{
    private unsafe delegate int IntsOp(TensorHandle t, long* values, long count, out IntPtr result);

    private static unsafe Tensor WithInts(IntsOp op, TensorHandle handle, long[] values, string operation)
    {
        ArgumentNullException.ThrowIfNull(values);
        fixed (long* p = values)
        {
            return Wrap(op(handle, p, values.Length, out var r), r, operation);
        }
    }

    /// <summary>Takes ownership of a native handle array (a list result of the shim) and frees the array.</summary>
    internal static Tensor[] WrapList(int status, IntPtr array, long count, string operation)
    {
        NativeStatus.Check(status, operation);
        try
        {
            var result = new Tensor[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = new Tensor(Marshal.ReadIntPtr(array, i * IntPtr.Size));
            }
            return result;
        }
        finally
        {
            NativeMethods.WcMemory_free(array);
        }
    }

    /// <summary>The same data with a new shape (a view when possible, else a copy); one size may be -1.</summary>
    public unsafe Tensor reshape(params long[] shape) => WithInts(NativeMethods.WcTensor_reshape, Handle, shape, nameof(reshape));

    /// <summary>A view with a new shape; fails if the memory layout does not allow one (use <see cref="reshape"/>).</summary>
    public unsafe Tensor view(params long[] shape) => WithInts(NativeMethods.WcTensor_view, Handle, shape, nameof(view));

    /// <summary>Reshaped to <paramref name="other"/>'s shape.</summary>
    public Tensor reshape_as(Tensor other) => reshape(other.shape);

    /// <summary>Viewed with <paramref name="other"/>'s shape.</summary>
    public Tensor view_as(Tensor other) => view(other.shape);

    /// <summary>A view of <paramref name="length"/> entries of dimension <paramref name="dim"/> starting at <paramref name="start"/>.</summary>
    public Tensor narrow(long dim, long start, long length) => Wrap(NativeMethods.WcTensor_narrow(Handle, dim, start, length, out var r), r);

    /// <summary>A view with the dimensions reordered: result dimension i is input dimension dims[i].</summary>
    public unsafe Tensor permute(params long[] dims) => WithInts(NativeMethods.WcTensor_permute, Handle, dims, nameof(permute));

    /// <summary>A view with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped.</summary>
    public Tensor transpose(long dim0, long dim1) => Wrap(NativeMethods.WcTensor_transpose(Handle, dim0, dim1, out var r), r);

    /// <summary>Transpose of a tensor of at most 2 dimensions.</summary>
    public Tensor t() => Wrap(NativeMethods.WcTensor_t(Handle, out var r), r);

    /// <summary>A view without the dimensions of size 1.</summary>
    public Tensor squeeze() => Wrap(NativeMethods.WcTensor_squeeze(Handle, out var r), r);

    /// <summary>A view without dimension <paramref name="dim"/> if its size is 1 (else unchanged, as in PyTorch).</summary>
    public Tensor squeeze(long dim) => Wrap(NativeMethods.WcTensor_squeeze_dim(Handle, dim, out var r), r);

    /// <summary>A view with a new dimension of size 1 at <paramref name="dim"/>.</summary>
    public Tensor unsqueeze(long dim) => Wrap(NativeMethods.WcTensor_unsqueeze(Handle, dim, out var r), r);

    /// <summary>A broadcast view with the given sizes (-1 keeps a size); no data is copied.</summary>
    public unsafe Tensor expand(params long[] sizes) => WithInts(NativeMethods.WcTensor_expand, Handle, sizes, nameof(expand));

    /// <summary>A broadcast view with <paramref name="other"/>'s shape.</summary>
    public Tensor expand_as(Tensor other) => Wrap(NativeMethods.WcTensor_expand_as(Handle, other.Handle, out var r), r);

    /// <summary>Dimensions <paramref name="start_dim"/> .. <paramref name="end_dim"/> merged into one.</summary>
    public Tensor flatten(long start_dim = 0, long end_dim = -1) => Wrap(NativeMethods.WcTensor_flatten(Handle, start_dim, end_dim, out var r), r);

    /// <summary>Dimension <paramref name="dim"/> split into <paramref name="sizes"/> (one may be -1).</summary>
    public unsafe Tensor unflatten(long dim, params long[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        fixed (long* p = sizes)
        {
            return Wrap(NativeMethods.WcTensor_unflatten(Handle, dim, p, sizes.Length, out var r), r);
        }
    }

    /// <summary>The tensor tiled <paramref name="repeats"/> times along each dimension (a copy).</summary>
    public unsafe Tensor repeat(params long[] repeats) => WithInts(NativeMethods.WcTensor_repeat, Handle, repeats, nameof(repeat));

    /// <summary>A copy with the order of elements reversed along <paramref name="dims"/>.</summary>
    public unsafe Tensor flip(params long[] dims) => WithInts(NativeMethods.WcTensor_flip, Handle, dims, nameof(flip));

    /// <summary>Elements shifted circularly by <paramref name="shifts"/> along <paramref name="dims"/> (empty dims: over the flattened tensor).</summary>
    public unsafe Tensor roll(long[] shifts, long[] dims)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(dims);
        fixed (long* s = shifts, d = dims)
        {
            return Wrap(NativeMethods.WcTensor_roll(Handle, s, shifts.Length, d, dims.Length, out var r), r);
        }
    }

    /// <summary>Elements shifted circularly by <paramref name="shifts"/> along <paramref name="dims"/> (null: over the flattened tensor).</summary>
    public Tensor roll(long shifts, long? dims = null) => roll([shifts], dims is null ? [] : [dims.Value]);

    /// <summary>The lower triangle (elements with column − row ≤ diagonal); the rest zero.</summary>
    public Tensor tril(long diagonal = 0) => Wrap(NativeMethods.WcTensor_tril(Handle, diagonal, out var r), r);

    /// <summary>The upper triangle (elements with column − row ≥ diagonal); the rest zero.</summary>
    public Tensor triu(long diagonal = 0) => Wrap(NativeMethods.WcTensor_triu(Handle, diagonal, out var r), r);

    /// <summary>Views of pieces of <paramref name="split_size"/> along <paramref name="dim"/>; the last may be smaller.</summary>
    public Tensor[] split(long split_size, long dim = 0) =>
        WrapList(NativeMethods.WcTensor_split(Handle, split_size, dim, out var a, out var n), a, n, nameof(split));

    /// <summary>Views of pieces with the given sizes (which must add up to the dimension's size).</summary>
    public unsafe Tensor[] split(long[] split_sizes, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(split_sizes);
        fixed (long* p = split_sizes)
        {
            return WrapList(NativeMethods.WcTensor_split_with_sizes(Handle, p, split_sizes.Length, dim, out var a, out var n), a, n, nameof(split));
        }
    }

    /// <summary>At most <paramref name="chunks"/> views of equal size ⌈n/chunks⌉ along <paramref name="dim"/> (the last may be smaller; there may be fewer).</summary>
    public Tensor[] chunk(long chunks, long dim = 0) =>
        WrapList(NativeMethods.WcTensor_chunk(Handle, chunks, dim, out var a, out var n), a, n, nameof(chunk));

    /// <summary>The slices along <paramref name="dim"/>, each without that dimension.</summary>
    public Tensor[] unbind(long dim = 0) =>
        WrapList(NativeMethods.WcTensor_unbind(Handle, dim, out var a, out var n), a, n, nameof(unbind));
}
