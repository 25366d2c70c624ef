using WeClick.Models.Onnx;

namespace WeClick.Core.Tests.Models.Onnx;

/// <summary>Reading ONNX models written by hand here, field by field, in each encoding a producer may choose.</summary>
public sealed class OnnxModelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("weclick-onnx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("float_data packed")]
    [InlineData("float_data unpacked")]
    [InlineData("raw_data")]
    public void Load_ReadsTheGraph_WhicheverWayTheTensorIsStored(string storage)
    {
        float[] weight = [0.5f, -1.25f, 3f, 1e-7f, -0f, 42f];
        var path = Write("model.onnx", Model(Tensor("W", [2, 3], weight, storage)));

        var model = OnnxModel.Load(path);

        Assert.Equal(3, model.IrVersion);
        Assert.Equal(8, model.Opset);
        Assert.Equal("CNTK 2.6", model.Producer);
        var node = Assert.Single(model.Nodes);
        Assert.Equal(("Conv", "conv0"), (node.OpType, node.Name));
        Assert.Equal(["x", "W"], node.Inputs);
        Assert.Equal(["y"], node.Outputs);
        Assert.Equal([3L, 3, 2, 2], node.Ints("pads", []));
        Assert.Equal(2, node.Int("group", 1));
        Assert.Equal(1e-5f, node.Float("epsilon", 0));
        Assert.Equal(1, node.Int("absent", 1));
        var w = model.Initializers["W"];
        Assert.Equal([2L, 3], w.Dims);
        Assert.Equal(weight, w.Values);
        Assert.Equal(["x", "W"], model.Inputs.Select(i => i.Name));
        Assert.Equal([1L, 3, 224, 224], model.Inputs[0].Dims);
        Assert.Equal("y", Assert.Single(model.Outputs).Name);
    }

    [Fact]
    public void Load_ThrowsForATensorWhoseDataDoesNotFitItsDims_NamingTheFileAndTensor()
    {
        var path = Write("short.onnx", Model(Tensor("W", [2, 3], [1f, 2f, 3f, 4f, 5f], "float_data packed")));
        var e = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("tensor 'W'", e.Message, StringComparison.Ordinal);
        Assert.Contains("5 values in float_data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThrowsForATruncatedFile_NamingTheFile()
    {
        var bytes = Model(Tensor("W", [2, 3], new float[6], "raw_data"));
        var path = Write("truncated.onnx", bytes[..^10]);
        var e = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(path));
        Assert.StartsWith($"'{path}': not a readable ONNX model", e.Message, StringComparison.Ordinal);
        Assert.Contains("runs past the end", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThrowsForAFileWithoutAGraph()
    {
        var path = Write("empty-graph.onnx", new ProtobufWriter().Varint(1, 3).String(2, "nothing").ToArray());
        var e = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(path));
        Assert.Contains("no graph nodes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThrowsForAMissingFile()
    {
        var e = Assert.Throws<FileNotFoundException>(() => OnnxModel.Load(Path.Combine(folder, "none.onnx")));
        Assert.Contains("none.onnx", e.Message, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // TensorProto: dims 1, data_type 2, float_data 4, name 8, raw_data 9.
    private static byte[] Tensor(string name, long[] dims, float[] values, string storage)
    {
        var t = new ProtobufWriter().Int64s(1, dims, packed: storage != "float_data unpacked").Varint(2, OnnxTensor.Float).String(8, name);
        return (storage == "raw_data" ? t.Bytes(9, values.SelectMany(BitConverter.GetBytes).ToArray())
                                      : t.Floats(4, values, packed: storage == "float_data packed")).ToArray();
    }

    // ModelProto (ir_version 1, producer 2/3, graph 7, opset_import 8) around a one-node GraphProto (node 1, initializer 5,
    // input 11, output 12); the node (input 1, output 2, name 3, op_type 4, attribute 5) has int-list, int and float attributes.
    private static byte[] Model(byte[] initializer) => new ProtobufWriter()
        .Varint(1, 3).String(2, "CNTK").String(3, "2.6")
        .Message(7, g => g
            .Message(1, n => n.String(1, "x").String(1, "W").String(2, "y").String(3, "conv0").String(4, "Conv")
                .Message(5, a => a.String(1, "pads").Int64s(8, [3, 3, 2, 2], packed: false))
                .Message(5, a => a.String(1, "group").Varint(3, 2))
                .Message(5, a => a.String(1, "epsilon").Raw([0x15]).Raw(BitConverter.GetBytes(1e-5f))))
            .Bytes(5, initializer)
            .Message(11, v => v.String(1, "x").Message(2, t => t.Message(1, tt => tt.Varint(1, 1)
                .Message(2, s => s.Message(1, d => d.Varint(1, 1)).Message(1, d => d.Varint(1, 3)).Message(1, d => d.Varint(1, 224)).Message(1, d => d.Varint(1, 224))))))
            .Message(11, v => v.String(1, "W"))
            .Message(12, v => v.String(1, "y")))
        .Message(8, o => o.String(1, "").Varint(2, 8))
        .ToArray();
}
