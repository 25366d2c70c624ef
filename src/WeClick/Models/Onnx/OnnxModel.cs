namespace WeClick.Models.Onnx;

/// <summary>
/// The parts of an ONNX <c>ModelProto</c> that weight import needs: producer, opset, the graph's nodes in file order,
/// its initializers by name, and its inputs and outputs (onnx/onnx, <c>onnx/onnx.proto</c>, IR version 3 and later).
/// </summary>
/// <remarks>
/// Read with <see cref="ProtobufReader"/> (why not Google.Protobuf: see there). Fields the importer does not use
/// (doc strings, value_info, metadata, functions) are skipped. Float tensors are read from <c>float_data</c> or
/// <c>raw_data</c>; tensors stored outside the file (<c>data_location = EXTERNAL</c>) are refused.
/// </remarks>
internal sealed partial class OnnxModel
{
    private OnnxModel(string path) => Path = path;

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary><c>ir_version</c>.</summary>
    public long IrVersion { get; private set; }

    /// <summary><c>producer_name</c> and <c>producer_version</c>, e.g. <c>CNTK 2.6</c>.</summary>
    public string Producer { get; private set; } = "";

    /// <summary>The version of the default ("" or "ai.onnx") operator set; 0 if the file names none.</summary>
    public long Opset { get; private set; }

    /// <summary>The graph's nodes in file order (ONNX requires a topological order).</summary>
    public List<OnnxNode> Nodes { get; } = [];

    /// <summary>The initializers (constant tensors: weights, BN statistics) by name.</summary>
    public Dictionary<string, OnnxTensor> Initializers { get; } = new(StringComparer.Ordinal);

    /// <summary>The graph inputs, initializers included where the file lists them (IR version 3 does).</summary>
    public List<OnnxValueInfo> Inputs { get; } = [];

    /// <summary>The graph outputs.</summary>
    public List<OnnxValueInfo> Outputs { get; } = [];

    /// <summary>Reads an ONNX model file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="OnnxFormatException">The file is not a readable ONNX model (truncated, not protobuf, no graph,
    /// or a tensor whose data does not fit its dimensions); the message names the file and the byte offset.</exception>
    public static OnnxModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The ONNX file '{path}' does not exist.", path);
        }
        var bytes = File.ReadAllBytes(path);
        var model = new OnnxModel(path);
        try
        {
            model.ReadModel(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new OnnxFormatException(path, $"not a readable ONNX model ({e.Message}).", e);
        }
        if (model.Nodes.Count == 0)
        {
            throw new OnnxFormatException(path, "not an ONNX model: it has no graph nodes (is it the right file?).");
        }
        return model;
    }

    /// <summary>The float32 initializer <paramref name="name"/> of <paramref name="node"/>, or a message naming both.</summary>
    /// <exception cref="OnnxFormatException">The input is not an initializer, or not float32.</exception>
    public OnnxTensor FloatInitializer(OnnxNode node, string name)
    {
        if (!Initializers.TryGetValue(name, out var tensor))
        {
            throw new OnnxFormatException(Path, $"input '{name}' of {node} is not a constant initializer; the importer reads weights only from initializers.");
        }
        if (tensor.DataType != OnnxTensor.Float || tensor.Values is null)
        {
            throw new OnnxFormatException(Path, $"initializer '{name}' of {node} has ONNX data type {tensor.DataType}, not FLOAT (1).");
        }
        return tensor;
    }
}
