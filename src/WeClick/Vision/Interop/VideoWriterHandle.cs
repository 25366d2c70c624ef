using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

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
