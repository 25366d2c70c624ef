using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/shape.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int WcTensor_reshape(TensorHandle t, long* shape, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_view(TensorHandle t, long* shape, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_narrow(TensorHandle t, long dim, long start, long length, out IntPtr result);
}
