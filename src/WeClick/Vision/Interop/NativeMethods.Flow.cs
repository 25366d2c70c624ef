using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

// P/Invoke declarations for include/weclick/flow.h. flow: a float32 [2, H, W] buffer the caller allocated.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int WcFlow_dis(in WcImage target, in WcImage neighbour, int preset, IntPtr flow);
    [LibraryImport(Lib)]
    internal static partial int WcFlow_farneback(in WcImage target, in WcImage neighbour, double pyramidScale, int levels, int windowSize,
        int iterations, int polyN, double polySigma, IntPtr flow);
}
