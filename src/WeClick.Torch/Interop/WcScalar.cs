using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

/// <summary>The ABI form of a scalar argument (<c>WcScalar</c> in weclick_native.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct WcScalar
{
    public readonly int Kind;
    public readonly int Reserved;
    public readonly double F;
    public readonly long I;

    public WcScalar(int kind, double f, long i)
    {
        Kind = kind;
        Reserved = 0;
        F = f;
        I = i;
    }
}
