using static TorchSharp.torch;

namespace WeClick.Engine;

/// <summary>PyTorch's names of dtypes (<c>float32</c>, <c>int64</c>, …), for messages; TorchSharp's enum names differ.</summary>
internal static class DtypeNames
{
    public static string PyTorchName(this ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Int64 => "int64",
        ScalarType.Int32 => "int32",
        ScalarType.Int16 => "int16",
        ScalarType.Int8 => "int8",
        ScalarType.Byte => "uint8",
        ScalarType.Bool => "bool",
        _ => dtype.ToString(),
    };
}
