namespace WeClick.Models.Onnx;

/// <summary>
/// An ONNX file that cannot be read, or whose graph is not the network the importer expects. The message names the
/// file and what is wrong (the byte offset of a malformed field, or the node and attribute that differ).
/// </summary>
/// <remarks>An <see cref="IOException"/> (as <c>SafetensorsFormatException</c>), so the CLI reports it in one line with exit code 2.</remarks>
public sealed class OnnxFormatException : IOException
{
    /// <summary>A failure of the ONNX file at <paramref name="path"/>.</summary>
    public OnnxFormatException(string path, string message, Exception? inner = null)
        : base($"'{path}': {message}", inner)
    {
        Path = path;
    }

    /// <summary>The ONNX file.</summary>
    public string Path { get; }
}
