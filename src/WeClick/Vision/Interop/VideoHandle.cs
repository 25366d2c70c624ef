using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

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
