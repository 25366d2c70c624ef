using System.Text;
using WeClick.Models.Onnx;

namespace WeClick.Core.Tests.Models.Onnx;

/// <summary>
/// Writes protobuf wire format for the tests: hand-made ONNX messages, and the packaged graph with extra outputs
/// (ONNX Runtime returns only graph outputs, so intermediate values are compared by declaring them as outputs).
/// </summary>
internal sealed class ProtobufWriter
{
    private readonly MemoryStream stream = new();

    public byte[] ToArray() => stream.ToArray();

    public ProtobufWriter Varint(int field, long value) => Tag(field, 0).Raw(Encode((ulong)value));

    public ProtobufWriter Bytes(int field, byte[] bytes) => Tag(field, 2).Raw(Encode((ulong)bytes.Length)).Raw(bytes);

    public ProtobufWriter String(int field, string text) => Bytes(field, Encoding.UTF8.GetBytes(text));

    public ProtobufWriter Message(int field, Action<ProtobufWriter> write)
    {
        var inner = new ProtobufWriter();
        write(inner);
        return Bytes(field, inner.ToArray());
    }

    /// <summary>A repeated float field, packed (one length-delimited field) or one fixed32 per value.</summary>
    public ProtobufWriter Floats(int field, float[] values, bool packed)
    {
        if (packed)
        {
            return Bytes(field, values.SelectMany(BitConverter.GetBytes).ToArray());
        }
        foreach (var v in values)
        {
            Tag(field, 5).Raw(BitConverter.GetBytes(v));
        }
        return this;
    }

    /// <summary>A repeated int64 field, packed or one varint per value.</summary>
    public ProtobufWriter Int64s(int field, long[] values, bool packed)
    {
        if (packed)
        {
            return Bytes(field, values.SelectMany(v => Encode((ulong)v)).ToArray());
        }
        foreach (var v in values)
        {
            Varint(field, v);
        }
        return this;
    }

    public ProtobufWriter Raw(byte[] bytes)
    {
        stream.Write(bytes);
        return this;
    }

    /// <summary>
    /// <paramref name="model"/> (a ModelProto) with <paramref name="names"/> appended to its graph's outputs (GraphProto
    /// field 12, a ValueInfoProto with a float tensor type); every other field is copied unchanged.
    /// </summary>
    public static byte[] WithGraphOutputs(byte[] model, IEnumerable<string> names)
    {
        var output = new ProtobufWriter();
        var reader = new ProtobufReader(model);
        while (!reader.End)
        {
            var start = (int)reader.Offset;
            var (field, wire) = reader.ReadTag();
            if (field == 7 && wire == 2)
            {
                var graph = new ProtobufWriter().Raw(reader.ReadBytes(out _).ToArray());
                foreach (var name in names)
                {
                    graph.Message(12, v => v.String(1, name).Message(2, t => t.Message(1, tensor => tensor.Varint(1, OnnxTensor.Float))));
                }
                output.Bytes(7, graph.ToArray());
                continue;
            }
            reader.Skip(wire);
            output.Raw(model[start..(int)reader.Offset]);
        }
        return output.ToArray();
    }

    private ProtobufWriter Tag(int field, int wire) => Raw(Encode((ulong)((field << 3) | wire)));

    private static byte[] Encode(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }
}
