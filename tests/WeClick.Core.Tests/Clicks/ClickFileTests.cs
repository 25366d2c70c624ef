using WeClick.Clicks;

namespace WeClick.Core.Tests.Clicks;

public sealed class ClickFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-clicks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WriteThenRead_RoundTrips()
    {
        var path = Path.Combine(_folder, "aachen_000000_000019.json");
        var original = new ImageClicks("aachen_000000_000019", 1024, 2048,
            [new Click(10, 20, 13, 26001, 4411), new Click(2047, 1023, 0, 1, 900000)], ValidPixels: 1_900_000);
        ClickFile.Write(path, original);
        var read = ClickFile.Read(path);
        Assert.Equal(original with { Clicks = [] }, read with { Clicks = [] });
        Assert.Equal(original.Clicks, read.Clicks);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_folder).Select(Path.GetFileName)); // no temporary file left

        ClickFile.Write(path, original with { Clicks = [], ValidPixels = null });
        var empty = ClickFile.Read(path);
        Assert.Empty(empty.Clicks);
        Assert.Null(empty.ValidPixels);
    }

    [Fact]
    public void Read_OptionalAreaDefaultsToZero()
    {
        var path = Path.Combine(_folder, "old.json");
        File.WriteAllText(path, """{"image": "a", "height": 4, "width": 6, "clicks": [{"x": 1, "y": 2, "class": 3, "instance": 1}]}""");
        Assert.Equal([new Click(1, 2, 3, 1, 0)], ClickFile.Read(path).Clicks);
    }

    [Fact]
    public void Read_MalformedJsonNamesTheFile()
    {
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, """{"image": "a", "height": 4, "width": 6, "clicks": [{"x": 1, """);
        var error = Assert.Throws<InvalidDataException>(() => ClickFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("""{"height": 4, "width": 6, "clicks": []}""", "'image'")]
    [InlineData("""{"image": "a", "height": "4", "width": 6, "clicks": []}""", "'height' must be an integer")]
    [InlineData("""{"image": "a", "height": 4, "width": 6}""", "'clicks'")]
    [InlineData("""{"image": "a", "height": 4, "width": 6, "clicks": [{"x": 1, "y": 2, "class": 3, "instance": 1}, {"x": 1, "class": 3, "instance": 1}]}""", "'clicks[1].y' is missing")]
    [InlineData("""{"image": "a", "height": 4, "width": 6, "clicks": [{"x": 6, "y": 2, "class": 3, "instance": 1}]}""", "'clicks[0].x' is 6, outside 0..5")]
    [InlineData("""[1, 2]""", "'(root)'")]
    public void Read_BadFieldNamesTheFileAndTheField(string json, string expected)
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidDataException>(() => ClickFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Read_MissingFileThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ClickFile.Read(Path.Combine(_folder, "absent.json")));
    }
}
