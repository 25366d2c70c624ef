using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/shape.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int WcTensor_reshape(TensorHandle t, long* shape, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_view(TensorHandle t, long* shape, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_narrow(TensorHandle t, long dim, long start, long length, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_permute(TensorHandle t, long* dims, long ndims, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_transpose(TensorHandle t, long dim0, long dim1, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_t(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_squeeze(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_squeeze_dim(TensorHandle t, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_unsqueeze(TensorHandle t, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_expand(TensorHandle t, long* sizes, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_expand_as(TensorHandle t, TensorHandle other, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_flatten(TensorHandle t, long startDim, long endDim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_unflatten(TensorHandle t, long dim, long* sizes, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_repeat(TensorHandle t, long* repeats, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_flip(TensorHandle t, long* dims, long ndims, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_roll(TensorHandle t, long* shifts, long nshifts, long* dims, long ndims, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_tril(TensorHandle t, long diagonal, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_triu(TensorHandle t, long diagonal, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_cat(IntPtr* tensors, long count, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_stack(IntPtr* tensors, long count, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_split(TensorHandle t, long splitSize, long dim, out IntPtr result, out long count);
    [LibraryImport(Lib)] internal static partial int WcTensor_split_with_sizes(TensorHandle t, long* sizes, long nsizes, long dim, out IntPtr result, out long count);
    [LibraryImport(Lib)] internal static partial int WcTensor_chunk(TensorHandle t, long chunks, long dim, out IntPtr result, out long count);
    [LibraryImport(Lib)] internal static partial int WcTensor_unbind(TensorHandle t, long dim, out IntPtr result, out long count);
    [LibraryImport(Lib)] internal static partial int WcTensor_slice(TensorHandle t, long dim, long* start, long* end, long step, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_select(TensorHandle t, long dim, long index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_index_select(TensorHandle t, long dim, TensorHandle index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_gather(TensorHandle t, long dim, TensorHandle index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_scatter(TensorHandle t, long dim, TensorHandle index, TensorHandle src, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_scatter_value(TensorHandle t, long dim, TensorHandle index, WcScalar value, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_scatter_(TensorHandle t, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int WcTensor_scatter_value_(TensorHandle t, long dim, TensorHandle index, WcScalar value);
    [LibraryImport(Lib)] internal static partial int WcTensor_scatter_add(TensorHandle t, long dim, TensorHandle index, TensorHandle src, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_scatter_add_(TensorHandle t, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int WcTensor_masked_fill(TensorHandle t, TensorHandle mask, WcScalar value, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_masked_fill_(TensorHandle t, TensorHandle mask, WcScalar value);
    [LibraryImport(Lib)] internal static partial int WcTensor_masked_select(TensorHandle t, TensorHandle mask, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_nonzero(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_one_hot(TensorHandle t, long numClasses, out IntPtr result);
}
