using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using WeClick.Torch.Interop;

namespace WeClick.Torch.Serialization;

/// <summary>
/// Reads and writes the safetensors format of Hugging Face's <c>safetensors</c> library: an 8-byte
/// little-endian header length N, N bytes of UTF-8 JSON header (space-padded), then the tensors'
/// little-endian row-major bytes, packed with no holes. Tensor bytes go straight between the file and
/// the tensors' native memory, with no managed copy.
/// </summary>
internal static partial class Safetensors
{
    /// <summary>Largest span handed to one read or write call (spans are int-sized).</summary>
    private const int ChunkBytes = 1 << 30;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Implements <see cref="torch.read_safetensors_header"/>.</summary>
    public static SafetensorsHeader ReadHeader(string path)
    {
        using var handle = OpenRead(path);
        return ReadHeader(handle, path);
    }

    /// <summary>Implements <see cref="torch.load_safetensors"/>.</summary>
    public static unsafe SafetensorsFile Load(string path, Device? device)
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
                    NativeStatus.Check(NativeMethods.WcTensor_data_ptr(tensor.Handle, out var data));
                    ReadExactly(handle, (byte*)data, info.ByteLength, header.DataStart + info.DataBegin, path);
                }
                if (device is { Type: not DeviceType.CPU } target)
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

    private static unsafe void ReadExactly(SafeFileHandle handle, byte* data, long count, long offset, string path)
    {
        for (long done = 0; done < count;)
        {
            var chunk = (int)Math.Min(ChunkBytes, count - done);
            ReadExactly(handle, new Span<byte>(data + done, chunk), offset + done, path);
            done += chunk;
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
