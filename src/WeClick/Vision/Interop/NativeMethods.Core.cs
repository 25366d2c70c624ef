using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

// P/Invoke declarations for include/weclick/core.h. The library name is resolved by NativeLibraryLoader.
internal static unsafe partial class NativeMethods
{
    internal const string Lib = NativeLibraryLoader.LibraryName;

    [LibraryImport(Lib)] internal static partial IntPtr WcError_last_message();
    [LibraryImport(Lib)] internal static partial void WcError_clear();
    [LibraryImport(Lib)] internal static partial void WcMemory_free(IntPtr pointer);
    [LibraryImport(Lib)] internal static partial int WcOpenCv_version(out IntPtr text);
}
