using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/autograd.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int WcTensor_requires_grad(TensorHandle t, out int requiresGrad);
    [LibraryImport(Lib)] internal static partial int WcTensor_set_requires_grad(TensorHandle t, int requiresGrad);
    [LibraryImport(Lib)] internal static partial int WcTensor_is_leaf(TensorHandle t, out int isLeaf);
    [LibraryImport(Lib)] internal static partial int WcTensor_backward(TensorHandle t, IntPtr gradient, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static partial int WcTensor_grad(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_set_grad(TensorHandle t, IntPtr gradient);
    [LibraryImport(Lib)] internal static partial int WcTensor_retain_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int WcTensor_detach(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcTensor_detach_(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int WcTensor_grad_fn_name(TensorHandle t, out IntPtr name);
    [LibraryImport(Lib)]
    internal static partial int WcAutograd_grad(IntPtr* outputs, long nOutputs, IntPtr* gradOutputs, IntPtr* inputs, long nInputs,
        int retainGraph, int createGraph, int allowUnused, IntPtr* results);
}
