using WeClick.Vision.Interop;

namespace WeClick.Vision;

/// <summary>Information about the OpenCV behind <see cref="Image"/>, <see cref="OpticalFlow"/> and the video classes.</summary>
public static class OpenCv
{
    /// <summary>The OpenCV version the native shim is linked against (e.g. <c>4.6.0</c>).</summary>
    /// <exception cref="OpenCvException">The shim (<c>libweclick_native.so</c>) cannot be loaded; the message lists every path tried.</exception>
    public static string Version
    {
        get
        {
            NativeStatus.Check(NativeMethods.WcOpenCv_version(out var text));
            return NativeStatus.TakeString(text);
        }
    }
}
