using WeClick.Serialization;

namespace WeClick.Core.Tests.Serialization;

// Atomic writes: a failed save leaves an existing file byte-identical and no temporary file behind.
public partial class SafetensorsTests
{
    /// <summary>Writes a valid file at <paramref name="name"/> and returns its path and bytes.</summary>
    private (string Path, byte[] Bytes) ExistingFile(string name)
    {
        using var scope = NewDisposeScope();
        var path = PathOf(name);
        Safetensors.Save(new Dictionary<string, Tensor> { ["old"] = tensor(new float[] { 1, 2, 3 }) }, path);
        return (path, File.ReadAllBytes(path));
    }

    private void AssertOnlyFiles(params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Fact]
    public void Save_OverExistingFileWithADisposedTensor_LeavesTheOldFile()
    {
        var (path, before) = ExistingFile("model.safetensors");
        using var scope = NewDisposeScope();
        var good = ones(1000);
        var disposed = ones(2);
        disposed.Dispose();
        var e = Assert.Throws<ArgumentException>(() => Safetensors.Save(new Dictionary<string, Tensor> { ["a"] = good, ["z"] = disposed }, path));
        Assert.Contains("'z' has been disposed", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        AssertOnlyFiles("model.safetensors");
    }

    [Theory]
    [InlineData("", "non-empty")]
    [InlineData("__metadata__", "reserved")]
    [InlineData("LONE-SURROGATE", "unpaired surrogate")]
    public void Save_OverExistingFileWithAnInvalidName_LeavesTheOldFile(string name, string message)
    {
        // Attribute strings cannot carry a lone surrogate (xunit's serialisation replaces it), so build it here.
        name = name == "LONE-SURROGATE" ? "bad" + (char)0xD800 : name;
        var (path, before) = ExistingFile("model.safetensors");
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => Safetensors.Save(new Dictionary<string, Tensor> { ["a"] = ones(10), [name] = ones(1) }, path));
        Assert.Contains(message, e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        AssertOnlyFiles("model.safetensors");
    }

    [Fact]
    public void Save_ThrowsForInvalidMetadata()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("meta.safetensors");
        var x = new Dictionary<string, Tensor> { ["x"] = ones(1) };
        Assert.Contains("always 'pt'", Assert.Throws<ArgumentException>(() => Safetensors.Save(x, path, new Dictionary<string, string> { ["format"] = "tf" })).Message);
        Assert.Contains("'k' is null", Assert.Throws<ArgumentException>(() => Safetensors.Save(x, path, new Dictionary<string, string> { ["k"] = null! })).Message);
        AssertOnlyFiles();
    }

    [Fact]
    public void AtomicFile_FailureMidwayThroughWriting_LeavesTheOldFileAndNoTemporaryFile()
    {
        var (path, before) = ExistingFile("model.safetensors");
        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000]);
            stream.Flush();
            Assert.Equal(2, Directory.GetFiles(_folder).Length); // the temporary file exists while writing
            throw new IOException("disk full (simulated)");
        }));
        Assert.Equal("disk full (simulated)", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        AssertOnlyFiles("model.safetensors");
    }

    [Fact]
    public void Save_FailingAtTheFinalRename_LeavesNoTemporaryFile()
    {
        using var scope = NewDisposeScope();
        // The target is a folder: the data is fully written to the temporary file, then the rename fails.
        var target = Directory.CreateDirectory(PathOf("a-folder")).FullName;
        Assert.ThrowsAny<Exception>(() => Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = ones(1000) }, target));
        Assert.True(Directory.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(target));
        AssertOnlyFiles("a-folder");
    }

    [Fact]
    public void Save_ReplacesAnExistingFile()
    {
        var (path, before) = ExistingFile("model.safetensors");
        using var scope = NewDisposeScope();
        Safetensors.Save(new Dictionary<string, Tensor> { ["new"] = tensor(new long[] { 5 }) }, path);
        Assert.NotEqual(before, File.ReadAllBytes(path));
        using var file = Safetensors.Load(path);
        Assert.Equal(["new"], file.Tensors.Keys);
        Assert.Equal(5L, file["new"].item<long>());
        AssertOnlyFiles("model.safetensors");
    }
}
