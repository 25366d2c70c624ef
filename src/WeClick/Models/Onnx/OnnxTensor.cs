namespace WeClick.Models.Onnx;

/// <summary>
/// An ONNX <c>TensorProto</c> (an initializer or a tensor attribute): its name, dimensions and, for float32 tensors,
/// its values, whether the file stored them as <c>float_data</c> (CNTK's exports do) or <c>raw_data</c>.
/// </summary>
/// <param name="Name">The tensor's name (e.g. CNTK's <c>Parameter91</c>).</param>
/// <param name="Dims">Its dimensions.</param>
/// <param name="DataType">ONNX's <c>TensorProto.DataType</c> code (1 is FLOAT).</param>
/// <param name="Values">The values in row-major order; null unless <paramref name="DataType"/> is FLOAT.</param>
internal sealed record OnnxTensor(string Name, long[] Dims, int DataType, float[]? Values)
{
    /// <summary>ONNX's code for float32.</summary>
    public const int Float = 1;

    /// <summary>The dimensions as text, e.g. <c>[64, 3, 7, 7]</c>.</summary>
    public string Shape => "[" + string.Join(", ", Dims) + "]";
}
