using WeClick.Vision;

namespace WeClick.Core.Tests.Vision;

public sealed class ImageEncodeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-encode-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Tensor ReadBack(byte[] bytes, string name, bool label = false)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return label ? Image.ReadLabel(path) : Image.Read(path);
    }

    [Fact]
    public void EncodePng_DecodesToTheSameValues_ColourGreyAnd16Bit()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var colour = randint(0, 256, new long[] { 9, 13, 3 }, dtype: ScalarType.Byte);
        var grey = randint(0, 256, new long[] { 9, 13 }, dtype: ScalarType.Byte);
        var instances = randint(0, 60000, new long[] { 9, 13 }, dtype: ScalarType.Int32);

        var png = Image.EncodePng(colour);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        TensorAssert.Equal(colour, ReadBack(png, "colour.png"));      // RGB order kept
        TensorAssert.Equal(grey, ReadBack(Image.EncodePng(grey), "grey.png", label: true));
        TensorAssert.Equal(instances, ReadBack(Image.EncodePng(instances), "instances.png", label: true));
    }

    [Fact]
    public void EncodePng_MatchesWhatWriteWritesToAFile()
    {
        using var scope = NewDisposeScope();
        var image = arange(0, 2 * 3 * 3, dtype: ScalarType.Int64).to(ScalarType.Byte).view(2, 3, 3);
        var path = Path.Combine(_folder, "written.png");
        Image.Write(path, image);
        Assert.Equal(File.ReadAllBytes(path), Image.EncodePng(image));
    }

    [Fact]
    public void Encode_WithABadExtensionOrANonImage_ThrowsWithTheReason()
    {
        using var scope = NewDisposeScope();
        var image = zeros(new long[] { 2, 2, 3 }, dtype: ScalarType.Byte);
        var e = Assert.Throws<OpenCvException>(() => Image.Encode(image, "png"));
        Assert.Contains("must start with '.'", e.Message, StringComparison.Ordinal);
        Assert.Throws<OpenCvException>(() => Image.Encode(image, ".nosuchformat"));
        Assert.Throws<OpenCvException>(() => Image.EncodePng(full(new long[] { 2, 2 }, -1, dtype: ScalarType.Int32)));
    }
}
