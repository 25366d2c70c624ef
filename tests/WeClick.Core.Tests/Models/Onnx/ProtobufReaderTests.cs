using WeClick.Models.Onnx;

namespace WeClick.Core.Tests.Models.Onnx;

/// <summary>The wire-format reader against hand-encoded bytes (protobuf.dev "Encoding" examples).</summary>
public sealed class ProtobufReaderTests
{
    [Fact]
    public void ReadVarint_DecodesMultiByteAndNegativeValues()
    {
        // 150 is 0x96 0x01 (the encoding guide's example); int64 −1 is ten bytes of two's complement.
        var reader = new ProtobufReader([0x96, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]);
        Assert.Equal(150UL, reader.ReadVarint());
        Assert.Equal(-1L, reader.ReadInt64());
        Assert.True(reader.End);
    }

    [Fact]
    public void ReadTag_SplitsFieldAndWireType()
    {
        var reader = new ProtobufReader([0x08, 0x96, 0x01, 0x62, 0x00]);   // field 1 varint; field 12 length-delimited, empty
        Assert.Equal((1, 0), reader.ReadTag());
        Assert.Equal(150L, reader.ReadInt64());
        Assert.Equal((12, 2), reader.ReadTag());
        Assert.Equal(0, reader.ReadBytes(out _).Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RepeatedFields_ReadPackedAndUnpackedAlike(bool packed)
    {
        var bytes = new ProtobufWriter().Int64s(1, [64, 3, -7, 1L << 40], packed).Floats(4, [1.5f, -2.25f, 1e-30f], packed).ToArray();
        var reader = new ProtobufReader(bytes);
        List<long> ints = [];
        List<float> floats = [];
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1) { reader.ReadInt64s(wire, ints); }
            else { reader.ReadFloats(wire, floats); }
        }
        Assert.Equal([64L, 3, -7, 1L << 40], ints);
        Assert.Equal([1.5f, -2.25f, 1e-30f], floats);
    }

    [Fact]
    public void ReadBytes_ThrowsForALengthPastTheEnd_WithTheOffset()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new ProtobufReader([0x0A, 0x05, 0x01, 0x02], origin: 100);   // field 1, 5 bytes, but only 2 follow
            reader.ReadTag();
            reader.ReadBytes(out _);
        });
        Assert.Contains("5 bytes at byte 102", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadVarint_ThrowsForATruncatedVarint()
    {
        var e = Assert.Throws<InvalidDataException>(() => new ProtobufReader([0x96]).ReadVarint());
        Assert.Contains("past the end", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]          // field 0
    [InlineData(new byte[] { 0x0B })]          // wire type 3: groups, which ONNX never uses
    [InlineData(new byte[] { 0x0F })]          // wire type 7 does not exist
    public void ReadTag_ThrowsForInvalidTags(byte[] bytes)
    {
        Assert.Throws<InvalidDataException>(() => new ProtobufReader(bytes).ReadTag());
    }
}
