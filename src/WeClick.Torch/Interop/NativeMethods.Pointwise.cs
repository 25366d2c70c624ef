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
    [LibraryImport(Lib)] internal static partial int WcTensor_sqrt(TensorHandle a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_relu(TensorHandle a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_relu_(TensorHandle a);
    [LibraryImport(Lib)] internal static partial int WcTensor_relu6(TensorHandle a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_addcmul_(TensorHandle self, TensorHandle t1, TensorHandle t2, WcScalar value);
    [LibraryImport(Lib)] internal static partial int WcTensor_addcdiv_(TensorHandle self, TensorHandle t1, TensorHandle t2, WcScalar value);
    [LibraryImport(Lib)] internal static partial int WcTensor_uniform_(TensorHandle self, double from, double to);
    [LibraryImport(Lib)] internal static partial int WcTensor_normal_(TensorHandle self, double mean, double std);
    [LibraryImport(Lib)] internal static partial int WcTensor_fill_(TensorHandle self, WcScalar value);
    [LibraryImport(Lib)] internal static partial int WcTensor_zero_(TensorHandle self);
}
