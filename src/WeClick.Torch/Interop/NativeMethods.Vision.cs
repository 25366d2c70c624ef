using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/vision.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int WcCv_imread(string path, int mode, out IntPtr result);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int WcCv_imwrite(string path, TensorHandle image);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int WcCv_imencode(TensorHandle image, string extension, out IntPtr bytes, out long length);
    [LibraryImport(Lib)] internal static partial int WcCv_resize(TensorHandle image, long height, long width, int interpolation, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcCv_cvt_color(TensorHandle image, int code, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcCv_add_noise(TensorHandle image, double sigma, ulong seed, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcCv_gaussian_blur(TensorHandle image, long kernelSize, double sigma, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcCv_connected_components(TensorHandle mask, int connectivity, out IntPtr labels, out IntPtr stats, out IntPtr centroids);
    [LibraryImport(Lib)] internal static partial int WcCv_flow_dis(TensorHandle target, TensorHandle neighbour, int preset, out IntPtr result);
    [LibraryImport(Lib)]
    internal static partial int WcCv_flow_farneback(TensorHandle target, TensorHandle neighbour, double pyramidScale, int levels, int windowSize,
        int iterations, int polyN, double polySigma, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int WcCv_fill_poly(TensorHandle image, int* xy, long points, double* color, long channels, int antialias);
    [LibraryImport(Lib)]
    internal static partial int WcCv_ellipse(TensorHandle image, double cx, double cy, double axisX, double axisY, double angleDegrees,
        double* color, long channels, int thickness, int antialias);
    [LibraryImport(Lib)]
    internal static partial int WcCv_line(TensorHandle image, double x1, double y1, double x2, double y2, double* color, long channels,
        int thickness, int antialias);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int WcVideo_open(string path, out IntPtr video);
    [LibraryImport(Lib)] internal static partial int WcVideo_info(VideoHandle video, out double fps, out long frameCount, out long width, out long height);
    [LibraryImport(Lib)] internal static partial int WcVideo_read(VideoHandle video, out IntPtr frame);
    [LibraryImport(Lib)] internal static partial void WcVideo_dispose(IntPtr video);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int WcVideoWriter_open(string path, string fourcc, double fps, long width, long height, out IntPtr writer);
    [LibraryImport(Lib)] internal static partial int WcVideoWriter_write(VideoWriterHandle writer, TensorHandle frame);
    [LibraryImport(Lib)] internal static partial void WcVideoWriter_dispose(IntPtr writer);
}

/// <summary>Owns one native <c>WcVideo</c> (an OpenCV VideoCapture).</summary>
internal sealed class VideoHandle : SafeHandle
{
    public VideoHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.WcVideo_dispose(handle);
        return true;
    }
}

/// <summary>Owns one native <c>WcVideoWriter</c>; releasing it finishes the file.</summary>
internal sealed class VideoWriterHandle : SafeHandle
{
    public VideoWriterHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.WcVideoWriter_dispose(handle);
        return true;
    }
}
