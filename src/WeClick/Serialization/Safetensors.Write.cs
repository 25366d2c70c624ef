using System.Buffers.Binary;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Serialization;

// The writer: the same layout as the reference implementation's `prepare` (safetensors/src/tensor.rs).
public static partial class Safetensors
{
    /// <summary>The metadata every file we write carries, as Hugging Face loaders expect.</summary>
    public const string FormatKey = "format";

    /// <summary>The value of <see cref="FormatKey"/>: PyTorch tensors.</summary>
    public const string FormatValue = "pt";

    private sealed record Entry(string Name, byte[] NameUtf8, Tensor Tensor, ScalarType Dtype, long[] Shape, long Begin, long End);

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
    public static void Save(IReadOnlyDictionary<string, Tensor> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireLittleEndian();
        // Everything that can be checked is checked before the file is touched.
        var entries = Plan(tensors);
        var header = HeaderBytes(entries, MetadataToWrite(metadata));
        AtomicFile.Write(path, stream =>
        {
            Span<byte> n = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(n, (ulong)header.Length);
            stream.Write(n);
            stream.Write(header);
            foreach (var e in entries)
            {
                WriteData(stream, e);
            }
        });
    }

    /// <summary>Validates names and tensors, sorts them (descending dtype rank, then name bytes) and assigns packed offsets.</summary>
    private static List<Entry> Plan(IReadOnlyDictionary<string, Tensor> tensors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<Entry>(tensors.Count);
        foreach (var (name, tensor) in tensors)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("Tensor names must be non-empty.", nameof(tensors));
            }
            if (name == SafetensorsHeaderParser.MetadataKey)
            {
                throw new ArgumentException($"'{name}' is reserved for the metadata map and cannot name a tensor.", nameof(tensors));
            }
            if (!names.Add(name))
            {
                throw new ArgumentException($"The tensor name '{name}' appears twice.", nameof(tensors));
            }
            var utf8 = Utf8(name, "tensor name", nameof(tensors));
            if (tensor is null)
            {
                throw new ArgumentException($"The tensor '{name}' is null.", nameof(tensors));
            }
            if (tensor.IsInvalid)
            {
                throw new ArgumentException($"The tensor '{name}' has been disposed.", nameof(tensors));
            }
            var dtype = tensor.dtype;
            if (!SafetensorsDtype.IsSupported(dtype))
            {
                throw new ArgumentException($"The tensor '{name}' has dtype {dtype}, which safetensors cannot store here.", nameof(tensors));
            }
            entries.Add(new Entry(name, utf8, tensor, dtype, tensor.shape, 0, 0));
        }
        // Rust's String order is byte order of the UTF-8, which differs from UTF-16 ordinal order for some characters.
        entries.Sort((a, b) =>
        {
            var byRank = SafetensorsDtype.Rank(b.Dtype).CompareTo(SafetensorsDtype.Rank(a.Dtype));
            return byRank != 0 ? byRank : a.NameUtf8.AsSpan().SequenceCompareTo(b.NameUtf8);
        });
        long offset = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var bytes = checked(e.Shape.Aggregate(1L, (a, b) => a * b) * SafetensorsDtype.ElementSize(e.Dtype));
            entries[i] = e with { Begin = offset, End = offset + bytes };
            offset += bytes;
        }
        return entries;
    }

    /// <summary><c>format: pt</c> first, then the caller's keys in UTF-8 byte order.</summary>
    private static List<KeyValuePair<string, string>> MetadataToWrite(IReadOnlyDictionary<string, string>? metadata)
    {
        var result = new List<KeyValuePair<string, string>> { new(FormatKey, FormatValue) };
        if (metadata is null)
        {
            return result;
        }
        var user = new List<(byte[] Key, KeyValuePair<string, string> Pair)>();
        foreach (var (key, value) in metadata)
        {
            if (value is null)
            {
                throw new ArgumentException($"The metadata value of '{key}' is null; metadata values must be strings.", nameof(metadata));
            }
            Utf8(value, $"metadata value of '{key}'", nameof(metadata));
            if (key == FormatKey)
            {
                if (value != FormatValue)
                {
                    throw new ArgumentException(
                        $"The metadata key '{FormatKey}' is always '{FormatValue}' in files written here (Hugging Face loaders check it); got '{value}'.",
                        nameof(metadata));
                }
                continue;
            }
            user.Add((Utf8(key, "metadata key", nameof(metadata)), new(key, value)));
        }
        user.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        result.AddRange(user.Select(u => u.Pair));
        return result;
    }

    /// <summary>
    /// The header as serde_json writes it (compact, keys in insertion order, <c>__metadata__</c> first),
    /// padded with spaces to a multiple of 8 so that the data buffer starts 8-aligned.
    /// </summary>
    private static byte[] HeaderBytes(List<Entry> entries, List<KeyValuePair<string, string>> metadata)
    {
        var json = new StringBuilder();
        json.Append('{');
        AppendString(json, SafetensorsHeaderParser.MetadataKey).Append(":{");
        for (var i = 0; i < metadata.Count; i++)
        {
            AppendString(json.Append(i == 0 ? "" : ","), metadata[i].Key).Append(':');
            AppendString(json, metadata[i].Value);
        }
        json.Append('}');
        foreach (var e in entries)
        {
            AppendString(json.Append(','), e.Name)
                .Append(":{\"dtype\":\"").Append(SafetensorsDtype.Name(e.Dtype))
                .Append("\",\"shape\":[").AppendJoin(',', e.Shape.Select(Invariant))
                .Append("],\"data_offsets\":[").Append(Invariant(e.Begin)).Append(',').Append(Invariant(e.End))
                .Append("]}");
        }
        json.Append('}');
        var padded = json.Append(' ', (8 - s_strictUtf8.GetByteCount(json.ToString()) % 8) % 8).ToString();
        return s_strictUtf8.GetBytes(padded);
    }

    /// <summary>A JSON string with serde_json's escapes: <c>\"</c>, <c>\\</c>, short forms, <c>\u00xx</c> for other controls; no other escaping.</summary>
    private static StringBuilder AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        return json.Append('"');
    }

    private static void WriteData(FileStream stream, Entry e)
    {
        using var scope = torch.NewDisposeScope();
        // Gradients and autograd history are not part of the file: detach, then make the bytes CPU and packed.
        var source = e.Tensor.detach();
        if (source.device_type != DeviceType.CPU)
        {
            source = source.cpu();
        }
        if (!source.is_contiguous())
        {
            source = source.contiguous();
        }
        var count = e.End - e.Begin;
        if (source.numel() * source.element_size() != count)
        {
            throw new InvalidOperationException($"The tensor '{e.Name}' changed size while it was being saved.");
        }
        if (count == 0)
        {
            return;
        }
        ForEachChunk(source, chunk => stream.Write(chunk));
    }

    private static byte[] Utf8(string text, string what, string parameter)
    {
        try
        {
            return s_strictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The {what} '{text}' is not valid Unicode (it holds an unpaired surrogate).", parameter, e);
        }
    }
}
