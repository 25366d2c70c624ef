using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

/// <summary>Turns the shim's status codes into <see cref="OpenCvException"/>s carrying OpenCV's message.</summary>
internal static class NativeStatus
{
    public const int Ok = 0;

    /// <summary>Throws <see cref="OpenCvException"/> naming <paramref name="operation"/> if <paramref name="status"/> is not OK.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(int status, [CallerMemberName] string operation = "")
    {
        if (status != Ok)
        {
            Throw(operation);
        }
    }

    /// <summary>The last native error message on this thread, cleared once read.</summary>
    public static string TakeLastError()
    {
        var message = Marshal.PtrToStringUTF8(NativeMethods.WcError_last_message()) ?? "(no message)";
        NativeMethods.WcError_clear();
        return message;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string operation) => throw new OpenCvException(operation, TakeLastError());

    /// <summary>Reads a string the shim allocated and frees it.</summary>
    public static string TakeString(IntPtr pointer)
    {
        try
        {
            return Marshal.PtrToStringUTF8(pointer) ?? string.Empty;
        }
        finally
        {
            NativeMethods.WcMemory_free(pointer);
        }
    }
}
