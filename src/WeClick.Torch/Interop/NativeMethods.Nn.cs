using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/nn.h. Optional tensors are raw handles (IntPtr.Zero = none).
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial int WcNn_conv2d(TensorHandle input, TensorHandle weight, IntPtr bias, long* stride, long* padding,
        long* dilation, long groups, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_batch_norm(TensorHandle input, IntPtr runningMean, IntPtr runningVar, IntPtr weight, IntPtr bias,
        int training, double momentum, double eps, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcNn_linear(TensorHandle input, TensorHandle weight, IntPtr bias, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcNn_dropout(TensorHandle input, double p, int training, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcNn_dropout2d(TensorHandle input, double p, int training, out IntPtr result);
}
