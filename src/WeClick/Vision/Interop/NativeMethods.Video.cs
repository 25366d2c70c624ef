using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

// P/Invoke declarations for include/weclick/video.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int WcVideo_open(string path, out IntPtr video);
    [LibraryImport(Lib)] internal static partial int WcVideo_info(VideoHandle video, out double fps, out long frameCount, out long width, out long height);
    [LibraryImport(Lib)] internal static partial int WcVideo_read(VideoHandle video, out WcImage frame);
    [LibraryImport(Lib)] internal static partial void WcVideo_dispose(IntPtr video);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int WcVideoWriter_open(string path, string fourcc, double fps, long width, long height, out IntPtr writer);
    [LibraryImport(Lib)] internal static partial int WcVideoWriter_write(VideoWriterHandle writer, in WcImage frame);
    [LibraryImport(Lib)] internal static partial void WcVideoWriter_dispose(IntPtr writer);
}
