using WeClick.Clicks;
using WeClick.Data;
using WeClick.Vision;

namespace WeClick.Core.Tests.Clicks;

public sealed class DatasetClicksTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("weclick-dataset-clicks-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // A CamVid-layout fixture: two 36×48 training frames whose labels are a road band under a sky band,
    // with a car (8) blob and a void (11) stripe.
    private CamVidDataset WriteFixture()
    {
        Directory.CreateDirectory(Path.Combine(_root, "train"));
        Directory.CreateDirectory(Path.Combine(_root, "trainannot"));
        foreach (var (name, carX) in new[] { ("0001TP_006690", 10), ("0001TP_006720", 30) })
        {
            using var scope = NewDisposeScope();
            var label = full([36, 48], 0, dtype: ScalarType.Byte);           // sky
            Draw.FillPolygon(label, [(0, 18), (47, 18), (47, 35), (0, 35)], [3]); // road
            Draw.FillPolygon(label, [(carX, 20), (carX + 8, 20), (carX + 8, 26), (carX, 26)], [8]); // car
            Draw.Line(label, 0, 10, 47, 10, [11]);                             // void splits the sky in two
            Image.Write(Path.Combine(_root, "trainannot", name + ".png"), label);
            Image.Write(Path.Combine(_root, "train", name + ".png"), zeros([36, 48, 3], ScalarType.Byte));
        }
        return new CamVidDataset(_root, "train");
    }

    [Fact]
    public void Write_OneFilePerImage_AndTheFolderHookReadsBackWhatTheGeneratorMakes()
    {
        var dataset = WriteFixture();
        var settings = ClickSettings.CamVid with { MinimumAreaOverride = 20, Seed = 3 };
        var folder = Path.Combine(_root, "clicks");
        var statistics = DatasetClicks.Write(dataset, settings, folder);

        Assert.Equal(2, statistics.Images);
        Assert.Equal(4 * 2, statistics.TotalClicks);                          // two sky parts, road, car — per image
        Assert.Equal(2, Directory.GetFiles(folder, "*.clicks.json").Length);

        var generate = ClickSource.Generate(settings);
        var fromFolder = ClickSource.FromFolder(folder);
        for (var i = 0; i < dataset.Count; i++)
        {
            using var clip = dataset.GetClip(i, seed: 0);
            var name = dataset.ItemName(i);
            Assert.Equal(generate(name, clip.Label, clip.Instances), fromFolder(name, clip.Label, clip.Instances));
            foreach (var point in fromFolder(name, clip.Label, clip.Instances))
            {
                Assert.Equal(point.ClassId, clip.Label[(int)point.Y][(int)point.X].ToInt64()); // on its class, never void
            }
        }
    }

    [Fact]
    public void FromFolder_NamesAMissingClickFileAndTheCommandThatWritesIt()
    {
        var dataset = WriteFixture();
        using var clip = dataset.GetClip(0, seed: 0);
        var hook = ClickSource.FromFolder(Path.Combine(_root, "no-clicks"));
        var e = Assert.Throws<FileNotFoundException>(() => hook(dataset.ItemName(0), clip.Label, clip.Instances));
        Assert.Contains("0001TP_006690.clicks.json", e.Message);
        Assert.Contains("weclick clicks", e.Message);
    }

    [Fact]
    public void Dataset_WithTheGenerateHook_CarriesClicksIntoClips()
    {
        WriteFixture();
        var dataset = new CamVidDataset(_root, "train", options: new ClipDatasetOptions { Clicks = ClickSource.Generate(ClickSettings.CamVid with { MinimumAreaOverride = 20 }) });
        using var clip = dataset.GetClip(1, seed: 0);
        Assert.Equal(4, clip.Clicks.Count);
        using var map = clip.ClickMap();
        Assert.Equal(4, map.ne(255).sum().ToInt64());
    }
}
