using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

/// <summary>
/// The shim's <c>WcImage</c> (include/weclick_native.h): contiguous row-major [height, width, channels] memory of one
/// element type. Inputs point into a tensor's data; outputs the shim allocates are copied out and freed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WcImage
{
    public IntPtr Data;
    public long Height;
    public long Width;
    public long Channels;
    public int Depth;
    public int Reserved;

    /// <summary>The element type codes (OpenCV's CV_8U, CV_32S, CV_32F, CV_64F).</summary>
    public const int DepthU8 = 0;
    public const int DepthI32 = 4;
    public const int DepthF32 = 5;
    public const int DepthF64 = 6;

    /// <summary>Bytes in the image.</summary>
    public readonly long ByteCount => Height * Width * Channels * ElementSize(Depth);

    public static int ElementSize(int depth) => depth switch
    {
        DepthU8 => 1,
        DepthI32 or DepthF32 => 4,
        DepthF64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "unknown image depth code"),
    };
}
