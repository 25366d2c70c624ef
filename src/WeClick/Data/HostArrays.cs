using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>
/// Tensor values to and from .NET memory, for the pipeline's per-pixel loops (click rasterising, colour maps, confusion
/// counts). TorchSharp's <c>data&lt;T&gt;()</c> insists on the exact element type and walks strides element by element;
/// these read any dtype, device and layout in one copy, or give a span over a tensor's own memory.
/// </summary>
internal static class HostArrays
{
    /// <summary>The elements in row-major order as a new array, converted to <typeparamref name="T"/> on the CPU.</summary>
    /// <remarks>Works for any device (a CUDA tensor is copied to the host first), dtype and strides.</remarks>
    public static T[] ToArray<T>(Tensor t) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.numel() == 0)
        {
            return [];
        }
        using var scope = NewDisposeScope(); // the detached, moved and converted copies
        var source = t.detach().cpu().to(DType<T>()).contiguous();
        return MemoryMarshal.Cast<byte, T>(source.bytes).ToArray();
    }

    /// <summary>
    /// A span over the tensor's own memory (no copy; writes change the tensor). The tensor must be a contiguous CPU tensor
    /// of element type <typeparamref name="T"/>; the span is valid while the tensor lives.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor is of another dtype, not on the CPU, or not contiguous.</exception>
    public static Span<T> AsSpan<T>(Tensor t) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(t);
        var wanted = DType<T>();
        if (t.dtype != wanted || t.device_type != DeviceType.CPU || !t.is_contiguous())
        {
            throw new InvalidOperationException(
                $"A span of {typeof(T).Name} needs a contiguous CPU tensor of {wanted}; this one is {t.dtype} on {t.device}{(t.is_contiguous() ? "" : ", not contiguous")}.");
        }
        return t.numel() == 0 ? [] : MemoryMarshal.Cast<byte, T>(t.bytes);
    }

    /// <summary>The tensor element type of <typeparamref name="T"/>.</summary>
    public static ScalarType DType<T>() where T : unmanaged => typeof(T) switch
    {
        var x when x == typeof(byte) => ScalarType.Byte,
        var x when x == typeof(sbyte) => ScalarType.Int8,
        var x when x == typeof(short) => ScalarType.Int16,
        var x when x == typeof(int) => ScalarType.Int32,
        var x when x == typeof(long) => ScalarType.Int64,
        var x when x == typeof(Half) => ScalarType.Float16,
        var x when x == typeof(float) => ScalarType.Float32,
        var x when x == typeof(double) => ScalarType.Float64,
        var x when x == typeof(bool) => ScalarType.Bool,
        var other => throw new ArgumentException($"{other.Name} is not a tensor element type."),
    };
}
