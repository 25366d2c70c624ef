using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Serialization;

/// <summary>One tensor entry of a safetensors header.</summary>
/// <param name="Name">The tensor's key in the header.</param>
/// <param name="Dtype">Its element type.</param>
/// <param name="Shape">Its shape (empty for a 0-dimensional tensor); do not modify the array.</param>
/// <param name="DataBegin">Start of its bytes, relative to the start of the data buffer.</param>
/// <param name="DataEnd">One past the end of its bytes, relative to the start of the data buffer.</param>
public sealed record SafetensorsTensorInfo(string Name, ScalarType Dtype, long[] Shape, long DataBegin, long DataEnd)
{
    /// <summary>The number of elements (1 for a 0-dimensional tensor).</summary>
    public long Numel => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The number of data bytes, <c>DataEnd - DataBegin</c>.</summary>
    public long ByteLength => DataEnd - DataBegin;

    /// <summary>The safetensors dtype name, e.g. <c>F32</c> or <c>BF16</c>.</summary>
    public string DtypeName => SafetensorsDtype.Name(Dtype);
}
