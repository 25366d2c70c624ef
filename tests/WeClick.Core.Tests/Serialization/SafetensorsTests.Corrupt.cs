using System.Buffers.Binary;
using System.Text;
using WeClick.Serialization;

namespace WeClick.Core.Tests.Serialization;

// Malformed files: each must raise SafetensorsFormatException naming the file (and the tensor), never crash.
public partial class SafetensorsTests
{
    private const string F32Pair = "\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    /// <summary>Writes 8-byte N (the header's byte count unless given) + header + data.</summary>
    private string RawFile(byte[] header, int dataBytes = 0, ulong? n = null)
    {
        var path = PathOf($"bad-{Guid.NewGuid():N}.safetensors");
        var bytes = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, n ?? (ulong)header.Length);
        header.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string RawFile(string header, int dataBytes = 0) => RawFile(Encoding.UTF8.GetBytes(header), dataBytes);

    /// <summary>Asserts both the header reader and the loader reject the file, naming it and the given fragments.</summary>
    private static SafetensorsFormatException AssertInvalid(string path, params string[] fragments)
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<SafetensorsFormatException>(() => Safetensors.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Equal(path, e.FilePath);
        foreach (var f in fragments)
        {
            Assert.Contains(f, e.Message);
        }
        var fromHeader = Assert.Throws<SafetensorsFormatException>(() => Safetensors.ReadHeader(path));
        Assert.Equal(e.Message, fromHeader.Message);
        return e;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    public void Load_ThrowsForFileShorterThan8Bytes(int length)
    {
        var path = PathOf("short.safetensors");
        File.WriteAllBytes(path, new byte[length]);
        AssertInvalid(path, $"{length} bytes long");
    }

    [Fact]
    public void Load_ThrowsForHeaderLengthBeyondTheFile() =>
        AssertInvalid(RawFile(Encoding.UTF8.GetBytes("{}"), n: 50), "N = 50 exceeds the 2 bytes");

    [Fact]
    public void Load_ThrowsForHeaderLengthOver100MB() =>
        AssertInvalid(RawFile(Encoding.UTF8.GetBytes("{}"), n: 100_000_001), "N = 100000001", "limit of 100000000");

    [Fact]
    public void Load_ThrowsForHeaderThatIsNotUtf8() =>
        AssertInvalid(RawFile([(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']), "not valid UTF-8");

    [Theory]
    [InlineData("{\"x\":")]
    [InlineData("{\"x\":{\"dtype\":\"F32\",}}")]
    [InlineData("{} trailing")]
    [InlineData("{/*c*/}")]
    [InlineData("{\"\\ud800\":{}}")]
    public void Load_ThrowsForHeaderThatIsNotJson(string header) => AssertInvalid(RawFile(header), "not valid JSON");

    [Theory]
    [InlineData(" {}")]
    [InlineData("[]  ")]
    [InlineData("")]
    public void Load_ThrowsForHeaderNotStartingWithBrace(string header) => AssertInvalid(RawFile(header), "does not start with '{'");

    [Theory]
    [InlineData("dtype", "{\"x\":{\"shape\":[2],\"data_offsets\":[0,8]}}")]
    [InlineData("shape", "{\"x\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}")]
    [InlineData("data_offsets", "{\"x\":{\"dtype\":\"F32\",\"shape\":[2]}}")]
    public void Load_ThrowsForMissingField(string field, string header)
    {
        var e = AssertInvalid(RawFile(header, 8), "tensor 'x'", $"'{field}' is missing");
        Assert.Equal("x", e.TensorName);
    }

    [Theory]
    [InlineData("Q8", "unknown dtype 'Q8'")]
    [InlineData("f32", "unknown dtype 'f32'")]
    [InlineData("U16", "dtype 'U16' is valid safetensors but not supported")]
    [InlineData("U32", "dtype 'U32' is valid safetensors but not supported")]
    [InlineData("U64", "dtype 'U64' is valid safetensors but not supported")]
    [InlineData("C64", "dtype 'C64' is valid safetensors but not supported")]
    [InlineData("F8_E4M3", "dtype 'F8_E4M3' is valid safetensors but not supported")]
    public void Load_ThrowsForUnsupportedDtypeNamingTensorAndDtype(string dtype, string message) =>
        AssertInvalid(RawFile($"{{\"weights.0\":{{\"dtype\":\"{dtype}\",\"shape\":[1],\"data_offsets\":[0,8]}}}}", 8),
            "tensor 'weights.0'", message);

    [Theory]
    [InlineData("[-1]", "holds -1")]
    [InlineData("[1.5]", "holds 1.5")]
    [InlineData("[2.0]", "holds 2.0")]
    [InlineData("[\"2\"]", "holds a string")]
    [InlineData("[18446744073709551615]", "holds 18446744073709551615")]
    public void Load_ThrowsForShapeThatIsNotNonNegativeIntegers(string shape, string message) =>
        AssertInvalid(RawFile($"{{\"x\":{{\"dtype\":\"F32\",\"shape\":{shape},\"data_offsets\":[0,8]}}}}", 8), "tensor 'x'", "shape " + message);

    [Fact]
    public void Load_ThrowsForShapeThatIsNotAnArray() =>
        AssertInvalid(RawFile("{\"x\":{\"dtype\":\"F32\",\"shape\":2,\"data_offsets\":[0,8]}}", 8), "tensor 'x'", "shape must be an array");

    [Fact]
    public void Load_ThrowsForShapeWhoseByteSizeOverflows() =>
        AssertInvalid(RawFile("{\"x\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", 8), "tensor 'x'", "overflows");

    [Theory]
    [InlineData("[0,8,16]", "not 3 numbers")]
    [InlineData("[-1,8]", "data_offsets holds -1")]
    [InlineData("[8,0]", "end before they begin")]
    public void Load_ThrowsForMalformedDataOffsets(string offsets, string message) =>
        AssertInvalid(RawFile($"{{\"x\":{{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":{offsets}}}}}", 8), "tensor 'x'", message);

    [Fact]
    public void Load_ThrowsForHoleBetweenTensors() =>
        AssertInvalid(RawFile("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12),
            "tensor 'b'", "leave a hole: bytes 4 to 8");

    [Fact]
    public void Load_ThrowsForFirstTensorNotAtZero() =>
        AssertInvalid(RawFile("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "tensor 'a'", "hole: bytes 0 to 4");

    [Fact]
    public void Load_ThrowsForOverlappingTensors() =>
        AssertInvalid(RawFile("{\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 12),
            "tensor 'b'", "overlap the previous tensor, which ends at 8");

    [Fact]
    public void Load_ThrowsForOffsetsThatDoNotMatchShapeAndDtype() =>
        AssertInvalid(RawFile("{\"x\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,24]}}", 24),
            "tensor 'x'", "span 24 bytes, but dtype F16 and shape [2, 3] need 12");

    [Fact]
    public void Load_ThrowsForTrailingBytesAfterTheBuffer() =>
        AssertInvalid(RawFile("{" + F32Pair + "}", 9), "1 trailing bytes");

    [Fact]
    public void Load_ThrowsForTruncatedData() =>
        AssertInvalid(RawFile("{" + F32Pair + "}", 5), "truncated", "describes 8 data bytes but the file holds only 5");

    [Theory]
    [InlineData("{" + F32Pair + "," + F32Pair + "}", "tensor 'x'")]
    [InlineData("{\"__metadata__\":{},\"__metadata__\":{}," + F32Pair + "}", "tensor '__metadata__'")]
    [InlineData("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}," + F32Pair + "}", "the key 'k' appears twice")]
    [InlineData("{\"x\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", "the field 'dtype' appears twice")]
    public void Load_ThrowsForDuplicateKeys(string header, string message) =>
        AssertInvalid(RawFile(header, 8), message, "appears twice");

    [Theory]
    [InlineData("1", "is a number")]
    [InlineData("{\"nested\":{}}", "is an object")]
    [InlineData("null", "is null")]
    public void Load_ThrowsForMetadataValueThatIsNotAString(string value, string message) =>
        AssertInvalid(RawFile($"{{\"__metadata__\":{{\"epoch\":{value}}}," + F32Pair + "}", 8), "tensor '__metadata__'", $"value of 'epoch' {message}", "must be strings");

    [Fact]
    public void Load_ThrowsForMetadataThatIsNotAnObject() =>
        AssertInvalid(RawFile("{\"__metadata__\":[\"pt\"]}"), "tensor '__metadata__'", "must be an object of strings");

    [Fact]
    public void Load_ThrowsForUnknownFieldInAnEntry() =>
        AssertInvalid(RawFile("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"strides\":[1]}}", 8), "tensor 'x'", "unknown field 'strides'");

    [Fact]
    public void Load_ThrowsForEntryThatIsNotAnObject() =>
        AssertInvalid(RawFile("{\"x\":[1,2]}"), "tensor 'x'", "entry must be an object");

    [Fact]
    public void Load_AcceptsUnpaddedHeadersAnyKeyOrderAndNullMetadata()
    {
        using var scope = NewDisposeScope();
        // As PyBridge and older writers produce: no padding, metadata last, entries not in offset order.
        var header = "{\"b\":{\"data_offsets\":[4,6],\"shape\":[],\"dtype\":\"I16\"},\"a\":{\"dtype\":\"U8\",\"shape\":[2,2],\"data_offsets\":[0,4]},\"__metadata__\":null}";
        var path = RawFile(header, 6);
        var bytes = File.ReadAllBytes(path);
        byte[] data = [1, 2, 3, 4, 0x39, 0x30];
        data.CopyTo(bytes, bytes.Length - 6);
        File.WriteAllBytes(path, bytes);
        using var file = Safetensors.Load(path);
        Assert.Equal(["a", "b"], file.Tensors.Keys);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, file["a"].Values<byte>());
        Assert.Equal((short)12345, file["b"].item<short>());
        Assert.Empty(file.Metadata);
    }

    [Fact]
    public void Load_ThrowsForEveryTruncationOfAValidFile()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("whole.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["a"] = ones(3), ["b"] = tensor(new long[] { 1, 2 }), ["m"] = Sample(ScalarType.Bool) }, path);
        var whole = File.ReadAllBytes(path);
        var cut = PathOf("cut.safetensors");
        for (var length = 0; length < whole.Length; length++)
        {
            File.WriteAllBytes(cut, whole[..length]);
            var e = Assert.Throws<SafetensorsFormatException>(() => Safetensors.Load(cut));
            Assert.Contains(cut, e.Message);
        }
    }

    [Fact]
    public void Load_ThrowsFileNotFoundNamingTheMissingPath()
    {
        var missing = PathOf("nope.safetensors");
        var e = Assert.Throws<FileNotFoundException>(() => Safetensors.Load(missing));
        Assert.Contains(missing, e.Message);
        var inMissingFolder = PathOf("no-such-folder/x.safetensors");
        var e2 = Assert.Throws<FileNotFoundException>(() => Safetensors.ReadHeader(inMissingFolder));
        Assert.Contains(inMissingFolder, e2.Message);
        Assert.Equal(inMissingFolder, e2.FileName);
    }
}
