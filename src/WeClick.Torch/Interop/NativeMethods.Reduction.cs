using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/reduction.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int WcTensor_sum(TensorHandle t, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_sum_dims(TensorHandle t, long* dims, long ndims, int keepdim, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_mean(TensorHandle t, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_mean_dims(TensorHandle t, long* dims, long ndims, int keepdim, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_prod(TensorHandle t, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_prod_dim(TensorHandle t, long dim, int keepdim, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_max(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_min(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_max_dim(TensorHandle t, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial int WcTensor_min_dim(TensorHandle t, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial int WcTensor_amax(TensorHandle t, long* dims, long ndims, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_amin(TensorHandle t, long* dims, long ndims, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_argmax(TensorHandle t, long* dim, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_argmin(TensorHandle t, long* dim, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_std(TensorHandle t, long* dims, long ndims, int unbiased, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_var(TensorHandle t, long* dims, long ndims, int unbiased, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_all(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_all_dim(TensorHandle t, long dim, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_any(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_any_dim(TensorHandle t, long dim, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_norm(TensorHandle t, WcScalar p, long* dims, long ndims, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_logsumexp(TensorHandle t, long* dims, long ndims, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_cumsum(TensorHandle t, long dim, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_cumprod(TensorHandle t, long dim, int dtype, out IntPtr result);
}
