namespace WeClick.Serialization;

/// <summary>
/// The validated header of a safetensors file: its tensor entries and its <c>__metadata__</c>
/// string map, read without the tensor data (<see cref="Safetensors.ReadHeader(string)"/>).
/// </summary>
/// <param name="Tensors">The tensor entries, in file order (ascending data offsets).</param>
/// <param name="Metadata">The <c>__metadata__</c> map (empty when the file has none), in header order.</param>
/// <param name="HeaderLength">N, the length in bytes of the JSON header including its padding.</param>
public sealed record SafetensorsHeader(
    IReadOnlyList<SafetensorsTensorInfo> Tensors,
    IReadOnlyDictionary<string, string> Metadata,
    long HeaderLength)
{
    /// <summary>The file position where the data buffer starts: 8 + <see cref="HeaderLength"/>.</summary>
    public long DataStart => 8 + HeaderLength;

    /// <summary>The length of the data buffer (the end of the last tensor; 0 without tensors).</summary>
    public long DataLength => Tensors.Count == 0 ? 0 : Tensors[^1].DataEnd;

    /// <summary>The tensor names, in file order.</summary>
    public IEnumerable<string> Names => Tensors.Select(t => t.Name);
}
