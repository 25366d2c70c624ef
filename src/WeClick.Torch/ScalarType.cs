namespace WeClick.Torch;

/// <summary>Element types of tensors. The values are libtorch's <c>c10::ScalarType</c> codes (and TorchSharp's).</summary>
public enum ScalarType
{
    /// <summary>8-bit unsigned integer (torch.uint8).</summary>
    Byte = 0,
    /// <summary>8-bit signed integer (torch.int8).</summary>
    Int8 = 1,
    /// <summary>16-bit signed integer (torch.int16).</summary>
    Int16 = 2,
    /// <summary>32-bit signed integer (torch.int32).</summary>
    Int32 = 3,
    /// <summary>64-bit signed integer (torch.int64).</summary>
    Int64 = 4,
    /// <summary>IEEE half precision (torch.float16).</summary>
    Float16 = 5,
    /// <summary>IEEE single precision (torch.float32).</summary>
    Float32 = 6,
    /// <summary>IEEE double precision (torch.float64).</summary>
    Float64 = 7,
    /// <summary>Boolean stored in one byte (torch.bool).</summary>
    Bool = 11,
    /// <summary>Brain floating point (torch.bfloat16).</summary>
    BFloat16 = 15,
}

/// <summary>Facts about <see cref="ScalarType"/> values.</summary>
public static class ScalarTypeExtensions
{
    /// <summary>True for float16, bfloat16, float32 and float64.</summary>
    public static bool IsFloatingPoint(this ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown scalar type"),
    };

    /// <summary>The PyTorch name, e.g. <c>float32</c>.</summary>
    public static string PyTorchName(this ScalarType type) => type switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Bool => "bool",
        ScalarType.BFloat16 => "bfloat16",
        _ => type.ToString(),
    };

    /// <summary>The .NET element type that views this dtype's memory (<see cref="BFloat16"/> for bfloat16).</summary>
    internal static ScalarType FromClrType<T>() where T : unmanaged
    {
        var t = typeof(T);
        if (t == typeof(float)) return ScalarType.Float32;
        if (t == typeof(double)) return ScalarType.Float64;
        if (t == typeof(Half)) return ScalarType.Float16;
        if (t == typeof(BFloat16)) return ScalarType.BFloat16;
        if (t == typeof(long)) return ScalarType.Int64;
        if (t == typeof(int)) return ScalarType.Int32;
        if (t == typeof(short)) return ScalarType.Int16;
        if (t == typeof(sbyte)) return ScalarType.Int8;
        if (t == typeof(byte)) return ScalarType.Byte;
        if (t == typeof(bool)) return ScalarType.Bool;
        throw new ArgumentException($"{t.Name} is not a tensor element type; use float, double, Half, BFloat16, long, int, short, sbyte, byte or bool.");
    }
}
