using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/jit.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int WcJit_load(string path, int deviceType, int deviceIndex, out IntPtr module);
    [LibraryImport(Lib)] internal static partial void WcJit_dispose(IntPtr module);
    [LibraryImport(Lib)] internal static partial int WcJit_train(ScriptModuleHandle module, int on);
    [LibraryImport(Lib)]
    internal static partial int WcJit_forward(ScriptModuleHandle module, IntPtr* inputs, long nInputs, long* ints, long nInts, out IntPtr* outputs, out long nOutputs);
}

/// <summary>Owns one native TorchScript module.</summary>
internal sealed class ScriptModuleHandle : SafeHandle
{
    public ScriptModuleHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.WcJit_dispose(handle);
        return true;
    }
}
