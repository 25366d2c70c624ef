using System.Buffers.Binary;
using WeClick.Flow;
using WeClick.Serialization;

namespace WeClick.Core.Tests.Flow;

public sealed class FloFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("weclick-flo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WriteRead_RoundTripsValuesOfANonSquareFlow()
    {
        // u = 10·y + x, v = −(10·y + x)/4 on a 2×3 grid: distinct values expose any transposition.
        var u = new float[] { 0, 1, 2, 10, 11, 12 };
        var v = u.Select(x => -x / 4).ToArray();
        using var flow = tensor(u.Concat(v).ToArray(), [2, 2, 3]);
        var path = Path.Combine(_dir, "a.flo");
        FloFile.Write(path, flow);
        using var back = FloFile.Read(path);
        Assert.Equal(ScalarType.Float32, back.dtype);
        TensorAssert.Equal(flow, back);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp")); // the atomic write leaves no temporary file
    }

    [Fact]
    public void Write_UsesMiddleburyLayout()
    {
        using var flow = tensor(new float[] { 1, 2, 3, -1, -2, -3 }, [2, 1, 3]); // u = 1,2,3; v = −1,−2,−3
        var path = Path.Combine(_dir, "b.flo");
        FloFile.Write(path, flow);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("PIEH", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));  // width first
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));  // then height
        var body = Enumerable.Range(0, 6).Select(i => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(12 + 4 * i))).ToArray();
        Assert.Equal(new float[] { 1, -1, 2, -2, 3, -3 }, body); // u, v interleaved per pixel
    }

    [Fact]
    public void Read_ParsesAHandWrittenFile()
    {
        var bytes = new byte[12 + 16];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, 202021.25f);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 2);
        float[] values = [0.5f, -1.5f, 2.25f, 3f]; // (u, v) of (0,0), then of (0,1)
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(12 + 4 * i), values[i]);
        }
        var path = Path.Combine(_dir, "c.flo");
        File.WriteAllBytes(path, bytes);
        using var flow = FloFile.Read(path);
        Assert.Equal(new long[] { 2, 2, 1 }, flow.shape);
        TensorAssert.Values([0.5, 2.25, -1.5, 3], flow);
    }

    [Fact]
    public void Read_ThrowsNamingTheFileForBadMagicTruncationAndTrailingData()
    {
        using var flow = zeros(2, 4, 5);
        var good = Path.Combine(_dir, "good.flo");
        FloFile.Write(good, flow);
        var bytes = File.ReadAllBytes(good);

        var badMagic = Path.Combine(_dir, "magic.flo");
        File.WriteAllBytes(badMagic, [.. "PNG!"u8.ToArray(), .. bytes[4..]]);
        var e1 = Assert.Throws<InvalidDataException>(() => FloFile.Read(badMagic));
        Assert.Contains(badMagic, e1.Message);
        Assert.Contains("magic", e1.Message);

        var truncated = Path.Combine(_dir, "short.flo");
        File.WriteAllBytes(truncated, bytes[..^4]);
        var e2 = Assert.Throws<InvalidDataException>(() => FloFile.Read(truncated));
        Assert.Contains(truncated, e2.Message);
        Assert.Contains("truncated", e2.Message);

        var header = Path.Combine(_dir, "header.flo");
        File.WriteAllBytes(header, bytes[..7]);
        Assert.Contains(header, Assert.Throws<InvalidDataException>(() => FloFile.Read(header)).Message);

        var trailing = Path.Combine(_dir, "long.flo");
        File.WriteAllBytes(trailing, [.. bytes, 0, 0, 0, 0]);
        Assert.Contains("trailing", Assert.Throws<InvalidDataException>(() => FloFile.Read(trailing)).Message);

        var huge = Path.Combine(_dir, "huge.flo");
        var hugeBytes = bytes.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(hugeBytes.AsSpan(4), -7);
        File.WriteAllBytes(huge, hugeBytes);
        Assert.Contains("-7", Assert.Throws<InvalidDataException>(() => FloFile.Read(huge)).Message);

        Assert.Throws<FileNotFoundException>(() => FloFile.Read(Path.Combine(_dir, "missing.flo")));
    }

    [Fact]
    public void Write_RejectsAnythingButFloat32TwoChannels()
    {
        var path = Path.Combine(_dir, "x.flo");
        using var three = zeros(3, 4, 4);
        using var doubles = zeros([2, 4, 4], ScalarType.Float64);
        Assert.Contains("[3, 4, 4]", Assert.Throws<ArgumentException>(() => FloFile.Write(path, three)).Message);
        Assert.Throws<ArgumentException>(() => FloFile.Write(path, doubles));
        Assert.False(File.Exists(path));
    }
}
