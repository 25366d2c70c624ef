using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/pointwise.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int WcTensor_add(TensorHandle a, TensorHandle b, WcScalar alpha, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_add_scalar(TensorHandle a, WcScalar b, WcScalar alpha, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_add_(TensorHandle a, TensorHandle b, WcScalar alpha);
    [LibraryImport(Lib)] internal static partial int WcTensor_add_scalar_(TensorHandle a, WcScalar b, WcScalar alpha);
    [LibraryImport(Lib)] internal static partial int WcTensor_sub(TensorHandle a, TensorHandle b, WcScalar alpha, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_sub_scalar(TensorHandle a, WcScalar b, WcScalar alpha, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_rsub_scalar(TensorHandle a, WcScalar b, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_sub_(TensorHandle a, TensorHandle b, WcScalar alpha);
    [LibraryImport(Lib)] internal static partial int WcTensor_sub_scalar_(TensorHandle a, WcScalar b, WcScalar alpha);
    [LibraryImport(Lib)] internal static partial int WcTensor_mul(TensorHandle a, TensorHandle b, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_mul_scalar(TensorHandle a, WcScalar b, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_mul_(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial int WcTensor_mul_scalar_(TensorHandle a, WcScalar b);
    [LibraryImport(Lib)] internal static partial int WcTensor_div(TensorHandle a, TensorHandle b, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_div_scalar(TensorHandle a, WcScalar b, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_div_(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial int WcTensor_div_scalar_(TensorHandle a, WcScalar b);
    [LibraryImport(Lib)] internal static partial int WcTensor_neg(TensorHandle a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_reciprocal(TensorHandle a, out IntPtr result);
}
