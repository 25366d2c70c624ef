using System.Text.Json;
using System.Text.Unicode;
using static TorchSharp.torch;

namespace WeClick.Serialization;

/// <summary>
/// Parses and validates the JSON header of a safetensors file, strictly: UTF-8, starts with '{',
/// no duplicate keys at any level, each entry exactly {dtype, shape, data_offsets}, <c>__metadata__</c>
/// a string-to-string map, and offsets that cover the data buffer with no hole and no overlap.
/// </summary>
internal static class SafetensorsHeaderParser
{
    /// <summary>The reserved header key for the free-form string map.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>The reference implementation's limit on N (<c>MAX_HEADER_SIZE</c>).</summary>
    public const long MaxHeaderLength = 100_000_000;

    private static readonly JsonReaderOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>
    /// Parses <paramref name="header"/> (the N header bytes) of a file of <paramref name="fileLength"/> bytes
    /// and checks that the data buffer it describes ends exactly at the end of the file.
    /// </summary>
    /// <exception cref="SafetensorsFormatException">Anything about the header or the file length is invalid.</exception>
    public static SafetensorsHeader Parse(ReadOnlySpan<byte> header, long fileLength, string path)
    {
        if (!Utf8.IsValid(header))
        {
            throw new SafetensorsFormatException(path, "the header is not valid UTF-8");
        }
        if (header.Length == 0 || header[0] != (byte)'{')
        {
            throw new SafetensorsFormatException(path, "the header does not start with '{' (it must be a JSON object)");
        }
        var entries = new List<SafetensorsTensorInfo>();
        IReadOnlyDictionary<string, string> metadata;
        try
        {
            metadata = ReadRoot(header, path, entries);
        }
        catch (JsonException e)
        {
            throw new SafetensorsFormatException(path, $"the header is not valid JSON ({e.Message})", innerException: e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader throws this for strings it cannot transcode (e.g. an escaped lone surrogate).
            throw new SafetensorsFormatException(path, $"the header is not valid JSON ({e.Message})", innerException: e);
        }
        var ordered = ValidateOffsets(entries, path);
        var result = new SafetensorsHeader(ordered, metadata, header.Length);
        var available = fileLength - result.DataStart;
        if (available < result.DataLength)
        {
            throw new SafetensorsFormatException(path,
                $"the data is truncated: the header describes {result.DataLength} data bytes but the file holds only {available} after the header");
        }
        if (available > result.DataLength)
        {
            throw new SafetensorsFormatException(path,
                $"{available - result.DataLength} trailing bytes after the data buffer (the header describes {result.DataLength} data bytes, the file holds {available})");
        }
        return result;
    }

    private static IReadOnlyDictionary<string, string> ReadRoot(ReadOnlySpan<byte> header, string path, List<SafetensorsTensorInfo> entries)
    {
        var reader = new Utf8JsonReader(header, s_options);
        Expect(ref reader, JsonTokenType.StartObject, path, null, "the header");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var metadata = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            if (!keys.Add(key))
            {
                throw new SafetensorsFormatException(path, "the key appears twice in the header (duplicate keys are not allowed)", key);
            }
            if (key == MetadataKey)
            {
                ReadMetadata(ref reader, path, metadata);
            }
            else
            {
                entries.Add(ReadEntry(ref reader, path, key));
            }
        }
        // Only whitespace (the writer's space padding) may follow the object; the reader throws otherwise.
        if (reader.Read())
        {
            throw new SafetensorsFormatException(path, "unexpected content after the header object");
        }
        return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(metadata);
    }

    private static void ReadMetadata(ref Utf8JsonReader reader, string path, OrderedDictionary<string, string> metadata)
    {
        if (Next(ref reader) == JsonTokenType.Null)
        {
            return; // the reference reader treats a null __metadata__ as absent
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SafetensorsFormatException(path, $"must be an object of strings, not {Describe(reader.TokenType)}", MetadataKey);
        }
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            if (Next(ref reader) != JsonTokenType.String)
            {
                throw new SafetensorsFormatException(path,
                    $"the value of '{key}' is {Describe(reader.TokenType)}, but metadata values must be strings", MetadataKey);
            }
            if (!metadata.TryAdd(key, reader.GetString()!))
            {
                throw new SafetensorsFormatException(path, $"the key '{key}' appears twice (duplicate keys are not allowed)", MetadataKey);
            }
        }
    }

    private static SafetensorsTensorInfo ReadEntry(ref Utf8JsonReader reader, string path, string name)
    {
        Expect(ref reader, JsonTokenType.StartObject, path, name, "the entry");
        ScalarType? dtype = null;
        long[]? shape = null;
        long[]? offsets = null;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var field = reader.GetString()!;
            switch (field)
            {
                case "dtype" when dtype is null:
                    Expect(ref reader, JsonTokenType.String, path, name, "dtype");
                    dtype = SafetensorsDtype.TryParse(reader.GetString()!, out var reason)
                        ?? throw new SafetensorsFormatException(path, reason, name);
                    break;
                case "shape" when shape is null:
                    shape = ReadIntegers(ref reader, path, name, "shape");
                    break;
                case "data_offsets" when offsets is null:
                    offsets = ReadIntegers(ref reader, path, name, "data_offsets");
                    if (offsets.Length != 2)
                    {
                        throw new SafetensorsFormatException(path, $"data_offsets must be [BEGIN, END], not {offsets.Length} numbers", name);
                    }
                    break;
                case "dtype" or "shape" or "data_offsets":
                    throw new SafetensorsFormatException(path, $"the field '{field}' appears twice (duplicate keys are not allowed)", name);
                default:
                    throw new SafetensorsFormatException(path, $"unknown field '{field}' (an entry holds exactly dtype, shape and data_offsets)", name);
            }
        }
        if (dtype is null || shape is null || offsets is null)
        {
            var missing = dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets";
            throw new SafetensorsFormatException(path, $"the field '{missing}' is missing", name);
        }
        return new SafetensorsTensorInfo(name, dtype.Value, shape, offsets[0], offsets[1]);
    }

    private static long[] ReadIntegers(ref Utf8JsonReader reader, string path, string name, string field)
    {
        Expect(ref reader, JsonTokenType.StartArray, path, name, field);
        var values = new List<long>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value) || value < 0)
            {
                var text = reader.TokenType == JsonTokenType.Number
                    ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan)
                    : Describe(reader.TokenType);
                throw new SafetensorsFormatException(path, $"{field} holds {text}, but it must hold non-negative integers", name);
            }
            values.Add(value);
        }
        return [.. values];
    }

    /// <summary>
    /// Sorts the entries by offsets (writers may list them in any order) and checks, as the reference
    /// reader does, that the first starts at 0, each starts where the previous ended, and each spans
    /// exactly numel × element size bytes.
    /// </summary>
    private static List<SafetensorsTensorInfo> ValidateOffsets(List<SafetensorsTensorInfo> entries, string path)
    {
        var ordered = entries
            .OrderBy(e => e.DataBegin).ThenBy(e => e.DataEnd).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        long expected = 0;
        foreach (var e in ordered)
        {
            if (e.DataEnd < e.DataBegin)
            {
                throw new SafetensorsFormatException(path, $"data_offsets [{e.DataBegin}, {e.DataEnd}] end before they begin", e.Name);
            }
            if (e.DataBegin > expected)
            {
                throw new SafetensorsFormatException(path,
                    $"data_offsets [{e.DataBegin}, {e.DataEnd}] leave a hole: bytes {expected} to {e.DataBegin} of the data buffer belong to no tensor", e.Name);
            }
            if (e.DataBegin < expected)
            {
                throw new SafetensorsFormatException(path,
                    $"data_offsets [{e.DataBegin}, {e.DataEnd}] overlap the previous tensor, which ends at {expected}", e.Name);
            }
            long bytes;
            try
            {
                bytes = checked(e.Shape.Aggregate(1L, (a, b) => a * b) * SafetensorsDtype.ElementSize(e.Dtype));
            }
            catch (OverflowException)
            {
                throw new SafetensorsFormatException(path, $"shape [{string.Join(", ", e.Shape)}] is too large (its byte size overflows)", e.Name);
            }
            if (e.DataEnd - e.DataBegin != bytes)
            {
                throw new SafetensorsFormatException(path,
                    $"data_offsets [{e.DataBegin}, {e.DataEnd}] span {e.DataEnd - e.DataBegin} bytes, but dtype {e.DtypeName} and shape [{string.Join(", ", e.Shape)}] need {bytes}", e.Name);
            }
            expected = e.DataEnd;
        }
        return ordered;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the header ends in the middle of the JSON object");
        }
        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path, string? name, string what)
    {
        if (Next(ref reader) != type)
        {
            throw new SafetensorsFormatException(path, $"{what} must be {Describe(type)}, not {Describe(reader.TokenType)}", name);
        }
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
