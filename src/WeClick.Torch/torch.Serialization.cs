using WeClick.Torch.Serialization;

namespace WeClick.Torch;

// Saving and loading tensors in the safetensors format (readable by Hugging Face's safetensors and PyTorch).
public static partial class torch
{
    /// <summary>
    /// Writes <paramref name="tensors"/> to <paramref name="path"/> in the safetensors format, atomically
    /// (temporary file, flush to disk, rename; see <see cref="AtomicFile"/>), as
    /// <c>safetensors.torch.save_file</c> does but with the same layout as its Rust writer: tensors sorted
    /// by descending dtype alignment then name, <c>__metadata__</c> first, header space-padded to a multiple of 8.
    /// </summary>
    /// <param name="tensors">Tensors by name. They may be non-contiguous or on a GPU: their values are
    /// written as packed little-endian CPU bytes. Gradients and autograd history are not saved.</param>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="metadata">Extra <c>__metadata__</c> strings; the file always holds <c>format: pt</c>.</param>
    /// <exception cref="ArgumentException">A name is empty or <c>__metadata__</c>, a tensor is null or disposed,
    /// a string holds an unpaired surrogate, a metadata value is null, or <c>format</c> is given other than <c>pt</c>.</exception>
    /// <exception cref="IOException">The file cannot be written; an existing file at <paramref name="path"/> is then left untouched.</exception>
    public static void save_safetensors(IReadOnlyDictionary<string, Tensor> tensors, string path,
        IReadOnlyDictionary<string, string>? metadata = null) =>
        Safetensors.Save(tensors, path, metadata);

    /// <summary>
    /// Reads every tensor of the safetensors file <paramref name="path"/>, after validating the whole header
    /// (as <see cref="read_safetensors_header"/>). The bytes are read straight into the new tensors' memory.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="device">Where to put the tensors; null or CPU leaves them on the CPU.</param>
    /// <returns>The tensors in file order (ascending data offsets) and the metadata; dispose it (or the
    /// enclosing dispose scope) to free the tensors.</returns>
    /// <exception cref="FileNotFoundException">The file (or its folder) does not exist.</exception>
    /// <exception cref="SafetensorsFormatException">The file is not valid safetensors, or holds a dtype
    /// this binding does not support (U16, U32, U64, C64, F8_*).</exception>
    public static SafetensorsFile load_safetensors(string path, Device? device = null) =>
        Safetensors.Load(path, device);

    /// <summary>
    /// Reads and validates the header of the safetensors file <paramref name="path"/> (names, dtypes, shapes,
    /// offsets, metadata, and that the file length matches) without reading tensor data.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file (or its folder) does not exist.</exception>
    /// <exception cref="SafetensorsFormatException">The file is not valid safetensors (the message says why).</exception>
    public static SafetensorsHeader read_safetensors_header(string path) => Safetensors.ReadHeader(path);
}
