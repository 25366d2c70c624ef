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
    [LibraryImport(Lib)] internal static partial int WcNn_softmax(TensorHandle input, long dim, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcNn_log_softmax(TensorHandle input, long dim, int dtype, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_max_pool2d(TensorHandle input, long* kernelSize, long* stride, long strideLength, long* padding,
        long* dilation, int ceilMode, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_avg_pool2d(TensorHandle input, long* kernelSize, long* stride, long strideLength, long* padding,
        int ceilMode, int countIncludePad, long* divisorOverride, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcNn_adaptive_avg_pool2d(TensorHandle input, long* outputSize, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_upsample_nearest2d(TensorHandle input, long* outputSize, double* scaleFactors, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_upsample_nearest_exact2d(TensorHandle input, long* outputSize, double* scaleFactors, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_upsample_bilinear2d(TensorHandle input, long* outputSize, int alignCorners, double* scaleFactors,
        out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_upsample_bicubic2d(TensorHandle input, long* outputSize, int alignCorners, double* scaleFactors,
        out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_grid_sampler(TensorHandle input, TensorHandle grid, long interpolationMode, long paddingMode,
        int alignCorners, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_im2col(TensorHandle input, long* kernelSize, long* dilation, long* padding, long* stride,
        out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcNn_col2im(TensorHandle input, long* outputSize, long* kernelSize, long* dilation, long* padding,
        long* stride, out IntPtr result);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int WcNn_pad(TensorHandle input, long* pad, long padLength, string mode, double* value, out IntPtr result);
}
