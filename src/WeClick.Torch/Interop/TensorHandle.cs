using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

/// <summary>Owns one native <c>WcTensor</c> handle; releasing it deletes the C++ <c>at::Tensor</c> (a reference-counted alias).</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public TensorHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.WcTensor_dispose(handle);
        return true;
    }
}
