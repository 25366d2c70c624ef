using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

/// <summary>Turns the shim's status codes into exceptions carrying libtorch's message.</summary>
internal static class NativeStatus
{
    public const int Ok = 0;

    /// <summary>Throws <see cref="TorchException"/> naming <paramref name="operation"/> if <paramref name="status"/> is not OK.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(int status, [CallerMemberName] string operation = "")
    {
        if (status != Ok)
        {
            Throw(operation);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string operation)
    {
        var message = Marshal.PtrToStringUTF8(NativeMethods.WcError_last_message()) ?? "(no message)";
        NativeMethods.WcError_clear();
        throw new TorchException(operation, message);
    }

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
