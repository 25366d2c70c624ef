using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Serialization;

/// <summary>
/// The contents of a safetensors file read by <see cref="Safetensors.Load"/>: the tensors, in
/// file order (ascending data offsets), and the <c>__metadata__</c> strings.
/// </summary>
/// <remarks>
/// The tensors are new tensors, registered with the dispose scope that was current during loading,
/// like any other new tensor; <see cref="Dispose"/> disposes them all.
/// </remarks>
public sealed class SafetensorsFile : IDisposable
{
    internal SafetensorsFile(IReadOnlyDictionary<string, Tensor> tensors, SafetensorsHeader header)
    {
        Tensors = tensors;
        Header = header;
    }

    /// <summary>The tensors by name, enumerated in file order (ascending data offsets).</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    /// <summary>The <c>__metadata__</c> map (e.g. <c>format: pt</c>); empty when the file has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata => Header.Metadata;

    /// <summary>The validated header the tensors were read from.</summary>
    public SafetensorsHeader Header { get; }

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The file has no such tensor (the message lists the names).</exception>
    public Tensor this[string name] => Tensors.TryGetValue(name, out var t)
        ? t
        : throw new KeyNotFoundException($"No tensor '{name}' in the file; it holds: {string.Join(", ", Tensors.Keys)}.");

    /// <summary>Disposes every tensor.</summary>
    public void Dispose()
    {
        foreach (var t in Tensors.Values)
        {
            t.Dispose();
        }
    }
}
