using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Static forms of the shape and indexing ops: torch.cat, torch.stack, torch.split, ...
public static partial class torch
{
    private unsafe delegate int ListOp(IntPtr* tensors, long count, long dim, out IntPtr result);

    private static unsafe Tensor Join(ListOp op, IReadOnlyList<Tensor> tensors, long dim, string operation)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            handles[i] = (tensors[i] ?? throw new ArgumentException($"{operation}: tensors[{i}] is null.", nameof(tensors))).Handle.DangerousGetHandle();
        }
        int status;
        IntPtr result;
        fixed (IntPtr* p = handles)
        {
            status = op(p, handles.Length, dim, out result);
        }
        GC.KeepAlive(tensors);
        return Tensor.Wrap(status, result, operation);
    }

    /// <summary>Joins tensors along an existing dimension <paramref name="dim"/> (other sizes must match).</summary>
    public static unsafe Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(NativeMethods.WcTensor_cat, tensors, dim, nameof(cat));

    /// <summary>Joins equally shaped tensors along a new dimension <paramref name="dim"/>.</summary>
    public static unsafe Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(NativeMethods.WcTensor_stack, tensors, dim, nameof(stack));

    /// <summary>Pieces of <paramref name="split_size"/> along <paramref name="dim"/>; the last may be smaller.</summary>
    public static Tensor[] split(Tensor tensor, long split_size, long dim = 0) => tensor.split(split_size, dim);

    /// <summary>Pieces with the given sizes along <paramref name="dim"/>.</summary>
    public static Tensor[] split(Tensor tensor, long[] split_sizes, long dim = 0) => tensor.split(split_sizes, dim);

    /// <summary>At most <paramref name="chunks"/> pieces along <paramref name="dim"/>.</summary>
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);

    /// <summary>The slices along <paramref name="dim"/>, each without that dimension.</summary>
    public static Tensor[] unbind(Tensor input, long dim = 0) => input.unbind(dim);

    /// <summary>Dimensions reordered.</summary>
    public static Tensor permute(Tensor input, params long[] dims) => input.permute(dims);

    /// <summary>Two dimensions swapped.</summary>
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);

    /// <summary>Dimensions <paramref name="start_dim"/> .. <paramref name="end_dim"/> merged.</summary>
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);

    /// <summary>A new dimension of size 1 at <paramref name="dim"/>.</summary>
    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);

    /// <summary>Values gathered along <paramref name="dim"/> at <paramref name="index"/>.</summary>
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);

    /// <summary>Entries at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);

    /// <summary>Coordinates of the nonzero elements.</summary>
    public static Tensor nonzero(Tensor input) => input.nonzero();

    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// One-hot encoding of an int64 tensor of class indices: a new last dimension of size
            /// <paramref name="num_classes"/> (-1: max + 1). The result is int64, as in PyTorch.
            /// </summary>
            public static Tensor one_hot(Tensor tensor, long num_classes = -1) =>
                Tensor.Wrap(NativeMethods.WcTensor_one_hot(tensor.Handle, num_classes, out var r), r);
        }
    }
}
