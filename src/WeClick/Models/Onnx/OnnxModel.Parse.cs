namespace WeClick.Models.Onnx;

// The protobuf field numbers are onnx.proto's (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto).
internal sealed partial class OnnxModel
{
    private void ReadModel(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        string producerName = "", producerVersion = "";
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 0: IrVersion = reader.ReadInt64(); break;
                case 2: producerName = reader.ExpectString(wire); break;
                case 3: producerVersion = reader.ExpectString(wire); break;
                case 7: ReadGraph(reader.ExpectBytes(wire, out var at), at); break;
                case 8: ReadOpset(reader.ExpectBytes(wire, out var setAt), setAt); break;
                default: reader.Skip(wire); break;
            }
        }
        Producer = $"{producerName} {producerVersion}".Trim();
    }

    private void ReadOpset(ReadOnlySpan<byte> bytes, long origin)
    {
        var reader = new ProtobufReader(bytes, origin);
        string domain = "";
        long version = 0;
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1) { domain = reader.ExpectString(wire); }
            else if (field == 2 && wire == 0) { version = reader.ReadInt64(); }
            else { reader.Skip(wire); }
        }
        if (domain is "" or "ai.onnx")
        {
            Opset = version;
        }
    }

    private void ReadGraph(ReadOnlySpan<byte> bytes, long origin)
    {
        var reader = new ProtobufReader(bytes, origin);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: Nodes.Add(ReadNode(reader.ExpectBytes(wire, out var at), at)); break;
                case 5:
                    var t = ReadTensor(reader.ExpectBytes(wire, out var tensorAt), tensorAt);
                    Initializers[t.Name] = t;
                    break;
                case 11: Inputs.Add(ReadValueInfo(reader.ExpectBytes(wire, out var inAt), inAt)); break;
                case 12: Outputs.Add(ReadValueInfo(reader.ExpectBytes(wire, out var outAt), outAt)); break;
                default: reader.Skip(wire); break;
            }
        }
    }

    private static OnnxNode ReadNode(ReadOnlySpan<byte> bytes, long origin)
    {
        var reader = new ProtobufReader(bytes, origin);
        List<string> inputs = [], outputs = [];
        string name = "", opType = "";
        var attributes = new Dictionary<string, OnnxAttribute>(StringComparer.Ordinal);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: inputs.Add(reader.ExpectString(wire)); break;
                case 2: outputs.Add(reader.ExpectString(wire)); break;
                case 3: name = reader.ExpectString(wire); break;
                case 4: opType = reader.ExpectString(wire); break;
                case 5: var attribute = ReadAttribute(reader.ExpectBytes(wire, out var at), at); attributes[attribute.Name] = attribute; break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ReadAttribute(ReadOnlySpan<byte> bytes, long origin)
    {
        var reader = new ProtobufReader(bytes, origin);
        string name = "";
        long? integer = null;
        float? number = null;
        string? text = null;
        OnnxTensor? tensor = null;
        List<long> ints = [];
        List<float> floats = [];
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: name = reader.ExpectString(wire); break;
                case 2 when wire == 5: number = reader.ReadFloat(); break;
                case 3 when wire == 0: integer = reader.ReadInt64(); break;
                case 4: text = reader.ExpectString(wire); break;
                case 5: tensor = ReadTensor(reader.ExpectBytes(wire, out var at), at); break;
                case 7: reader.ReadFloats(wire, floats); break;
                case 8: reader.ReadInt64s(wire, ints); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxAttribute(name, integer, number, text, tensor, [.. ints], [.. floats]);
    }

    private static OnnxTensor ReadTensor(ReadOnlySpan<byte> bytes, long origin)
    {
        var reader = new ProtobufReader(bytes, origin);
        List<long> dims = [];
        List<float> floats = [];
        var raw = ReadOnlySpan<byte>.Empty;
        string name = "";
        int dataType = 0;
        long location = 0;
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: reader.ReadInt64s(wire, dims); break;
                case 2 when wire == 0: dataType = (int)reader.ReadInt64(); break;
                case 4: reader.ReadFloats(wire, floats); break;
                case 8: name = reader.ExpectString(wire); break;
                case 9: raw = reader.ExpectBytes(wire, out _); break;
                case 14 when wire == 0: location = reader.ReadInt64(); break;
                default: reader.Skip(wire); break;
            }
        }
        if (location != 0)
        {
            throw new InvalidDataException($"tensor '{name}' (byte {origin}) keeps its data in an external file, which the importer does not read");
        }
        if (dataType != OnnxTensor.Float)
        {
            return new OnnxTensor(name, [.. dims], dataType, null);
        }
        var count = dims.Aggregate(1L, (a, d) => a * d);
        float[] values;
        if (raw.Length > 0)
        {
            if (raw.Length != count * 4)
            {
                throw new InvalidDataException($"tensor '{name}' (byte {origin}) has {raw.Length} bytes of raw_data for {count} floats");
            }
            values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(raw.Slice(i * 4, 4));
            }
        }
        else
        {
            if (floats.Count != count)
            {
                throw new InvalidDataException($"tensor '{name}' (byte {origin}) has {floats.Count} values in float_data for dimensions [{string.Join(", ", dims)}] ({count} values)");
            }
            values = [.. floats];
        }
        return new OnnxTensor(name, [.. dims], dataType, values);
    }

    private static OnnxValueInfo ReadValueInfo(ReadOnlySpan<byte> bytes, long origin)
    {
        var reader = new ProtobufReader(bytes, origin);
        string name = "";
        List<long> dims = [];
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1) { name = reader.ExpectString(wire); }
            else if (field == 2) { ReadTensorShape(reader.ExpectBytes(wire, out var at), at, path: [1, 2, 1], dims); }
            else { reader.Skip(wire); }
        }
        return new OnnxValueInfo(name, [.. dims]);
    }

    // TypeProto.tensor_type (1) → Tensor.shape (2) → TensorShapeProto.dim (1, repeated) → Dimension.dim_value (1) or dim_param (2).
    private static void ReadTensorShape(ReadOnlySpan<byte> bytes, long origin, int[] path, List<long> dims)
    {
        var reader = new ProtobufReader(bytes, origin);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            if (field != path[0] || wire != 2)
            {
                reader.Skip(wire);
                continue;
            }
            var inner = reader.ReadBytes(out var at);
            if (path.Length > 1)
            {
                ReadTensorShape(inner, at, path[1..], dims);
                continue;
            }
            var dimension = new ProtobufReader(inner, at);
            long value = -1;
            while (!dimension.End)
            {
                var (f, w) = dimension.ReadTag();
                if (f == 1 && w == 0) { value = dimension.ReadInt64(); }
                else { dimension.Skip(w); }
            }
            dims.Add(value);
        }
    }
}
