using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Serialization;

/// <summary>The safetensors dtype names of TorchSharp's <see cref="ScalarType"/> values, and their element sizes.</summary>
internal static class SafetensorsDtype
{
    /// <summary>Every supported dtype, in the reference <c>Dtype</c> enum's order (increasing alignment).</summary>
    private static readonly (string Name, ScalarType Type, int Size)[] s_supported =
    [
        ("BOOL", ScalarType.Bool, 1), ("U8", ScalarType.Byte, 1), ("I8", ScalarType.Int8, 1), ("I16", ScalarType.Int16, 2),
        ("F16", ScalarType.Float16, 2), ("BF16", ScalarType.BFloat16, 2), ("I32", ScalarType.Int32, 4),
        ("F32", ScalarType.Float32, 4), ("F64", ScalarType.Float64, 8), ("I64", ScalarType.Int64, 8),
    ];

    /// <summary>Dtypes the format defines that we do not read (unsigned wider than 8 bits, complex, 8/6/4-bit floats).</summary>
    private static readonly HashSet<string> s_unsupported = new(StringComparer.Ordinal)
    {
        "U16", "U32", "U64", "C64", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F8_E4M3FNUZ", "F8_E5M2FNUZ",
        "F4", "F6_E2M3", "F6_E3M2",
    };

    /// <summary>The supported names, for error messages.</summary>
    public static string SupportedList => string.Join(", ", s_supported.Select(s => s.Name));

    /// <summary>The safetensors name of <paramref name="type"/>, e.g. <c>F32</c>.</summary>
    public static string Name(ScalarType type)
    {
        foreach (var (name, t, _) in s_supported)
        {
            if (t == type)
            {
                return name;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(type), type, "This dtype has no safetensors name.");
    }

    /// <summary>
    /// The writer's sort key: the position in the reference implementation's <c>Dtype</c> enum, whose
    /// order is increasing alignment (<c>safetensors/src/tensor.rs</c>); tensors are written by descending rank.
    /// </summary>
    public static int Rank(ScalarType type) => Array.FindIndex(s_supported, s => s.Type == type);

    /// <summary>Bytes per element of a supported <paramref name="type"/>.</summary>
    public static int ElementSize(ScalarType type) => s_supported[Rank(type) is >= 0 and var r ? r
        : throw new ArgumentOutOfRangeException(nameof(type), type, "This dtype has no safetensors name.")].Size;

    /// <summary>True when <paramref name="type"/> has a safetensors name.</summary>
    public static bool IsSupported(ScalarType type) => Rank(type) >= 0;

    /// <summary>Parses a dtype name; null with a reason when it is not one we read.</summary>
    public static ScalarType? TryParse(string name, out string reason)
    {
        foreach (var (n, t, _) in s_supported)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                reason = "";
                return t;
            }
        }
        reason = s_unsupported.Contains(name)
            ? $"dtype '{name}' is valid safetensors but not supported by TorchSharp here (supported: {SupportedList})"
            : $"unknown dtype '{name}' (supported: {SupportedList})";
        return null;
    }
}
