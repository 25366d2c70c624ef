namespace WeClick.Models.Onnx;

/// <summary>A graph input or output (<c>ValueInfoProto</c>): its name and tensor dimensions (−1 where symbolic or absent).</summary>
internal sealed record OnnxValueInfo(string Name, long[] Dims);
