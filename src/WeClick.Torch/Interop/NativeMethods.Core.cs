using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/core.h, in the same order.
internal static unsafe partial class NativeMethods
{
    private const string Lib = NativeLibraryLoader.LibraryName;

    [LibraryImport(Lib)] internal static partial IntPtr WcError_last_message();
    [LibraryImport(Lib)] internal static partial void WcError_clear();
    [LibraryImport(Lib)] internal static partial void WcMemory_free(IntPtr pointer);
    [LibraryImport(Lib)] internal static partial int WcMemory_set_malloc_thresholds(long mmapThreshold, long trimThreshold);

    [LibraryImport(Lib)] internal static partial int WcTorch_version(out IntPtr text);
    [LibraryImport(Lib)] internal static partial int WcTorch_config(out IntPtr text);
    [LibraryImport(Lib)] internal static partial int WcTorch_parallel_info(out IntPtr text);
    [LibraryImport(Lib)] internal static partial int WcTorch_cpu_capability(out IntPtr text);
    [LibraryImport(Lib)] internal static partial int WcOpenCv_version(out IntPtr text);
    [LibraryImport(Lib)] internal static partial int WcTorch_get_num_threads(out int threads);
    [LibraryImport(Lib)] internal static partial int WcTorch_set_num_threads(int threads);
    [LibraryImport(Lib)] internal static partial int WcTorch_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int WcTorch_initial_seed(out ulong seed);
    [LibraryImport(Lib)] internal static partial int WcTorch_get_rng_state(out IntPtr state);
    [LibraryImport(Lib)] internal static partial int WcTorch_set_rng_state(TensorHandle state);
    [LibraryImport(Lib)] internal static partial int WcCuda_is_available(out int available);
    [LibraryImport(Lib)] internal static partial int WcCuda_device_count(out int count);
    [LibraryImport(Lib)] internal static partial int WcCuda_manual_seed_all(ulong seed);
    [LibraryImport(Lib)] internal static partial int WcCuda_synchronize(int device);
    [LibraryImport(Lib)] internal static partial int WcTorch_grad_enabled(out int enabled);
    [LibraryImport(Lib)] internal static partial int WcTorch_set_grad_enabled(int enabled);

    [LibraryImport(Lib)] internal static partial void WcTensor_dispose(IntPtr tensor);
    [LibraryImport(Lib)] internal static partial int WcTensor_alias(TensorHandle tensor, out IntPtr result);

    [LibraryImport(Lib)] internal static partial int WcTensor_dim(TensorHandle tensor, out long dim);
    [LibraryImport(Lib)] internal static partial int WcTensor_sizes(TensorHandle tensor, long* sizes, long capacity);
    [LibraryImport(Lib)] internal static partial int WcTensor_strides(TensorHandle tensor, long* strides, long capacity);
    [LibraryImport(Lib)] internal static partial int WcTensor_numel(TensorHandle tensor, out long numel);
    [LibraryImport(Lib)] internal static partial int WcTensor_dtype(TensorHandle tensor, out int dtype);
    [LibraryImport(Lib)] internal static partial int WcTensor_device(TensorHandle tensor, out int type, out int index);
    [LibraryImport(Lib)] internal static partial int WcTensor_is_contiguous(TensorHandle tensor, out int contiguous);
    [LibraryImport(Lib)] internal static partial int WcTensor_element_size(TensorHandle tensor, out long size);

    [LibraryImport(Lib)]
    internal static partial int WcTensor_from_blob(void* data, long* sizes, long ndim, int dtype,
        delegate* unmanaged<IntPtr, void> deleter, IntPtr context, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_data_ptr(TensorHandle tensor, out IntPtr data);
    [LibraryImport(Lib)] internal static partial int WcTensor_item_double(TensorHandle tensor, out double value);
    [LibraryImport(Lib)] internal static partial int WcTensor_item_int64(TensorHandle tensor, out long value);

    [LibraryImport(Lib)]
    internal static partial int WcTensor_to(TensorHandle tensor, int deviceType, int deviceIndex, int dtype,
        int nonBlocking, int copy, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_clone(TensorHandle tensor, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_contiguous(TensorHandle tensor, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_copy_(TensorHandle self, TensorHandle source, int nonBlocking);
}
