using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

// P/Invoke declarations for include/weclick/image.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int WcImage_read(string path, int mode, out WcImage result);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int WcImage_write(string path, in WcImage image);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int WcImage_encode(in WcImage image, string extension, out IntPtr bytes, out long length);
    [LibraryImport(Lib)] internal static partial int WcImage_resize(in WcImage image, in WcImage result, int interpolation);
    [LibraryImport(Lib)] internal static partial int WcImage_cvt_color(in WcImage image, int code, out WcImage result);
    [LibraryImport(Lib)] internal static partial int WcImage_add_noise(in WcImage image, double sigma, ulong seed, in WcImage result);
    [LibraryImport(Lib)] internal static partial int WcImage_gaussian_blur(in WcImage image, long kernelSize, double sigma, in WcImage result);
    [LibraryImport(Lib)]
    internal static partial int WcImage_connected_components(in WcImage mask, int connectivity, in WcImage labels,
        out long count, out IntPtr stats, out IntPtr centroids);
}
