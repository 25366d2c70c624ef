using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/loss.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial int WcLoss_cross_entropy(TensorHandle input, TensorHandle target, IntPtr weight, long reduction, long ignoreIndex,
        double labelSmoothing, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcLoss_nll_loss(TensorHandle input, TensorHandle target, IntPtr weight, long reduction, long ignoreIndex,
        out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcLoss_kl_div(TensorHandle input, TensorHandle target, long reduction, int logTarget, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcLoss_mse_loss(TensorHandle input, TensorHandle target, long reduction, out IntPtr result);
}
