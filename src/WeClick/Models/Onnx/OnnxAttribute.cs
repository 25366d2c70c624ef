namespace WeClick.Models.Onnx;

/// <summary>An ONNX <c>AttributeProto</c> of a node: an int, a float, a string, a tensor, or a list of ints or floats.</summary>
internal sealed record OnnxAttribute(string Name, long? Int, float? Float, string? Text, OnnxTensor? Tensor, long[] Ints, float[] Floats);
