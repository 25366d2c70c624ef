using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/creation.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int WcTensor_empty(long* sizes, long ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_zeros(long* sizes, long ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_ones(long* sizes, long ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_full(long* sizes, long ndim, WcScalar value, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);
}
