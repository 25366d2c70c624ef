using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Serialization;

/// <summary>
/// Reads and writes the safetensors format of Hugging Face's <c>safetensors</c> library: an 8-byte
/// little-endian header length N, N bytes of UTF-8 JSON header (space-padded), then the tensors'
/// little-endian row-major bytes, packed with no holes. Tensor bytes go straight between the file and
/// the tensors' native memory, with no managed copy.
/// </summary>
/// <remarks>
/// TorchSharp.PyBridge also reads and writes safetensors (<c>TorchSharp.PyBridge.Safetensors</c>,
/// <c>Module.load_safetensors</c>/<c>save_safetensors</c>), but it does not serve here: it writes no
/// <c>__metadata__</c> (so no <c>format: pt</c> and no checkpoint state), does not pad the header, writes in place
/// (not atomically; <c>File.OpenWrite</c> does not even truncate a longer old file), cannot read the metadata, and
/// accepts damaged files (holes, overlaps, trailing bytes, duplicate keys) or fails with a
/// <c>NotImplementedException</c> that names neither file nor tensor. PyBridge serves for PyTorch's pickled
/// <c>.pt</c>/<c>.pth</c> files instead (<see cref="Engine.PyTorchStateDict"/>).
/// </remarks>
public static partial class Safetensors
{
    /// <summary>Largest span handed to one read or write call (spans are int-sized).</summary>
    private const int ChunkBytes = 1 << 30;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads and validates the header of the safetensors file <paramref name="path"/> (names, dtypes, shapes,
    /// offsets, metadata, and that the file length matches) without reading tensor data.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file (or its folder) does not exist.</exception>
    /// <exception cref="SafetensorsFormatException">The file is not valid safetensors (the message names it and says why).</exception>
    public static SafetensorsHeader ReadHeader(string path)
    {
        using var handle = OpenRead(path);
        return ReadHeader(handle, path);
    }

    /// <summary>
    /// Reads every tensor of the safetensors file <paramref name="path"/>, after validating the whole header
    /// (as <see cref="ReadHeader(string)"/>). The bytes are read straight into the new tensors' memory.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="device">Where to put the tensors; null or CPU leaves them on the CPU.</param>
    /// <returns>The tensors in file order (ascending data offsets) and the metadata; dispose it (or the
    /// enclosing dispose scope) to free the tensors.</returns>
    /// <exception cref="FileNotFoundException">The file (or its folder) does not exist.</exception>
    /// <exception cref="SafetensorsFormatException">The file is not valid safetensors, or holds a dtype
    /// we do not read (U16, U32, U64, C64, F8_*, …).</exception>
    public static SafetensorsFile Load(string path, Device? device = null)
    {
        RequireLittleEndian();
        using var handle = OpenRead(path);
        var header = ReadHeader(handle, path);
        var tensors = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var info in header.Tensors)
            {
                var tensor = torch.empty(info.Shape, info.Dtype);
                tensors.Add(info.Name, tensor);
                if (info.ByteLength > 0)
                {
                    var offset = header.DataStart + info.DataBegin;
                    ForEachChunk(tensor, chunk =>
                    {
                        ReadExactly(handle, chunk, offset, path);
                        offset += chunk.Length;
                    });
                }
                if (device is { type: not DeviceType.CPU } target)
                {
                    tensors[info.Name] = tensor.to(target);
                    tensor.Dispose();
                }
            }
        }
        catch
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
            throw;
        }
        return new SafetensorsFile(new System.Collections.ObjectModel.ReadOnlyDictionary<string, Tensor>(tensors), header);
    }

    /// <summary>A span over chunks of ≤ 1 GiB of a contiguous CPU tensor's bytes (TorchSharp's <c>bytes</c> span is int-sized).</summary>
    private delegate void ChunkAction(Span<byte> chunk);

    private static void ForEachChunk(Tensor contiguous, ChunkAction action)
    {
        var bytes = contiguous.numel() * contiguous.element_size();
        if (bytes <= ChunkBytes)
        {
            action(contiguous.bytes);
            return;
        }
        using var scope = torch.NewDisposeScope();
        var flat = contiguous.view(-1);
        var perChunk = ChunkBytes / contiguous.element_size();
        for (long start = 0; start < flat.shape[0]; start += perChunk)
        {
            using var part = flat.narrow(0, start, Math.Min(perChunk, flat.shape[0] - start));
            action(part.bytes);
        }
    }

    private static SafetensorsHeader ReadHeader(SafeFileHandle handle, string path)
    {
        var length = RandomAccess.GetLength(handle);
        if (length < 8)
        {
            throw new SafetensorsFormatException(path, $"the file is {length} bytes long, too short for the 8-byte header length");
        }
        Span<byte> prefix = stackalloc byte[8];
        ReadExactly(handle, prefix, 0, path);
        var n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > SafetensorsHeaderParser.MaxHeaderLength)
        {
            throw new SafetensorsFormatException(path,
                $"the header length N = {n} exceeds the format's limit of {SafetensorsHeaderParser.MaxHeaderLength} bytes");
        }
        if ((long)n > length - 8)
        {
            throw new SafetensorsFormatException(path, $"the header length N = {n} exceeds the {length - 8} bytes that follow it in the file");
        }
        var header = new byte[n];
        ReadExactly(handle, header, 8, path);
        return SafetensorsHeaderParser.Parse(header, length, path);
    }

    private static SafeFileHandle OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException($"Could not find file '{path}'.", path, e);
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0)
            {
                throw new SafetensorsFormatException(path, $"the file ended at byte {offset} while reading (was it truncated while being read?)");
            }
            buffer = buffer[read..];
            offset += read;
        }
    }

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors stores little-endian data; this process is big-endian.");
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
