namespace WeClick.Models.Onnx;

/// <summary>An ONNX <c>NodeProto</c>: one operator with its input and output value names and its attributes.</summary>
internal sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    /// <summary>An int-list attribute, or <paramref name="fallback"/> if the node has none (ONNX's default).</summary>
    public long[] Ints(string name, long[] fallback) => Attributes.TryGetValue(name, out var a) ? a.Ints : fallback;

    /// <summary>An int attribute, or <paramref name="fallback"/>.</summary>
    public long Int(string name, long fallback) => Attributes.TryGetValue(name, out var a) && a.Int is { } v ? v : fallback;

    /// <summary>A float attribute, or <paramref name="fallback"/>.</summary>
    public float Float(string name, float fallback) => Attributes.TryGetValue(name, out var a) && a.Float is { } v ? v : fallback;

    /// <summary>The node as the messages show it: <c>Conv 'Convolution249'</c>.</summary>
    public override string ToString() => $"{OpType} '{Name}'";
}
