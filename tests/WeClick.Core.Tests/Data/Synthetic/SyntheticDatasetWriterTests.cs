using System.Text.Json.Nodes;
using WeClick.Data.Synthetic;
using WeClick.Flow;
using WeClick.Vision;
using WeClick.Serialization;

namespace WeClick.Core.Tests.Data.Synthetic;

public sealed class SyntheticDatasetWriterTests : IDisposable
{
    private static readonly SyntheticVideoSettings Tiny = new()
    {
        Width = 64, Height = 32, SnippetLength = 3, LabelledIndex = 1, TrainSnippets = 2, ValSnippets = 1, Seed = 5,
    };

    private readonly string _root = Path.Combine(Directory.CreateTempSubdirectory("weclick-synthetic-").FullName, "data");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_root)!, recursive: true);

    private string[] Tree() => Directory.GetFiles(_root, "*", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Write_ProducesExactlyTheContractsFiles()
    {
        var report = SyntheticDatasetWriter.Write(_root, Tiny);
        var expected = new List<string> { "weclick-dataset.json" };
        foreach (var (split, count) in new[] { ("train", 2), ("val", 1) })
        {
            for (var s = 0; s < count; s++)
            {
                for (var t = 0; t < 3; t++)
                {
                    expected.Add($"leftImg8bit_sequence/{split}/synthetic/synthetic_{s:D6}_{t:D6}_leftImg8bit.png");
                }
                expected.Add($"gtFine/{split}/synthetic/synthetic_{s:D6}_000001_gtFine_labelIds.png");
                expected.Add($"gtFine/{split}/synthetic/synthetic_{s:D6}_000001_gtFine_instanceIds.png");
                foreach (var f in new[] { 0, 2 })
                {
                    expected.Add($"gtFlow/{split}/synthetic/synthetic_{s:D6}_000001_gtFlow_{f:D6}.flo");
                    expected.Add($"gtFlow/{split}/synthetic/synthetic_{s:D6}_000001_gtFlowValid_{f:D6}.png");
                }
            }
        }
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), Tree());
        Assert.Equal((3, 9, 6, 6, 6), (report.Snippets, report.Frames, report.LabelFiles, report.FlowFiles, report.ValidMaskFiles));
        Assert.Equal(Tree().Sum(p => new FileInfo(Path.Combine(_root, p)).Length), report.Bytes);
    }

    [Fact]
    public void Write_FilesHoldTheGeneratedSnippet()
    {
        SyntheticDatasetWriter.Write(_root, Tiny);
        using var snippet = new SyntheticVideo(Tiny).Generate("train", 1);
        var dir = Path.Combine(_root, "{0}", "train", "synthetic");
        for (var t = 0; t < 3; t++)
        {
            using var frame = Image.Read(Path.Combine(string.Format(dir, "leftImg8bit_sequence"), $"synthetic_000001_{t:D6}_leftImg8bit.png"));
            TensorAssert.Equal(snippet.Frames[t], frame);
        }
        using var label = Image.ReadLabel(Path.Combine(string.Format(dir, "gtFine"), "synthetic_000001_000001_gtFine_labelIds.png"));
        TensorAssert.Equal(snippet.Label, label);
        using var instances = Image.ReadLabel(Path.Combine(string.Format(dir, "gtFine"), "synthetic_000001_000001_gtFine_instanceIds.png"));
        TensorAssert.Equal(snippet.Instances, instances); // 16-bit PNG → int32, ids ≥ 8000 survive
        using var flow = FloFile.Read(Path.Combine(string.Format(dir, "gtFlow"), "synthetic_000001_000001_gtFlow_000000.flo"));
        TensorAssert.Equal(snippet.Flows[0]!, flow);
        using var valid = Image.ReadLabel(Path.Combine(string.Format(dir, "gtFlow"), "synthetic_000001_000001_gtFlowValid_000000.png"));
        using var expectedValid = snippet.FlowValid[0]!.to(ScalarType.Byte).mul(255);
        TensorAssert.Equal(expectedValid, valid);
    }

    [Fact]
    public void Write_DescriptorFollowsTheContract()
    {
        SyntheticDatasetWriter.Write(_root, Tiny);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_root, "weclick-dataset.json")))!;
        Assert.Equal("synthetic", (string)json["name"]!);
        Assert.Equal(["sky", "building", "pole", "road", "sidewalk", "vegetation", "sign", "fence", "car", "pedestrian", "bicyclist"],
            json["classes"]!.AsArray().Select(n => (string)n!));
        var ids = json["labelIdToTrainId"]!.AsObject();
        Assert.Equal(11, ids.Count);
        Assert.All(Enumerable.Range(0, 11), i => Assert.Equal(i, (int)ids[i.ToString(System.Globalization.CultureInfo.InvariantCulture)]!));
        Assert.Equal(255, (int)json["ignoreIndex"]!);
        Assert.Equal([8, 9, 10], json["instanceClasses"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(3, (int)json["snippetLength"]!);
        Assert.Equal(1, (int)json["labelledIndex"]!);
        Assert.True((bool)json["groundTruthFlow"]!);
        Assert.Equal(5, (int)json["syntheticSettings"]!["seed"]!);
        Assert.Equal(64, (int)json["syntheticSettings"]!["width"]!);
    }

    [Fact]
    public void Write_AgainWithTheSameSettingsRewritesTheSameBytes()
    {
        var progress = new List<SyntheticWriteProgress>();
        SyntheticDatasetWriter.Write(_root, Tiny, new SynchronousProgress(progress.Add));
        var before = Tree().ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(_root, p)));
        SyntheticDatasetWriter.Write(_root, Tiny with { });
        Assert.Equal(before.Keys, Tree());
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(Path.Combine(_root, kv.Key))));
        Assert.Equal([("train", 0, 1), ("train", 1, 2), ("val", 0, 3)], progress.Select(p => (p.Split, p.Index, p.Done)));
        Assert.All(progress, p => Assert.Equal(3, p.Total));
    }

    [Fact]
    public void Write_RefusesARootWithOtherSettingsOrForeignFiles()
    {
        SyntheticDatasetWriter.Write(_root, Tiny);
        var e = Assert.Throws<InvalidOperationException>(() => SyntheticDatasetWriter.Write(_root, Tiny with { Seed = 6, NoiseLevel = 0 }));
        Assert.Contains(_root, e.Message);
        Assert.Contains("seed: 5 on disk, 6 now", e.Message);
        Assert.Contains("noiseLevel", e.Message);

        var foreign = Path.Combine(Path.GetDirectoryName(_root)!, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "mine");
        var f = Assert.Throws<InvalidOperationException>(() => SyntheticDatasetWriter.Write(foreign, Tiny));
        Assert.Contains("not empty", f.Message);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(foreign).Select(Path.GetFileName));

        var broken = Path.Combine(Path.GetDirectoryName(_root)!, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "weclick-dataset.json"), "{ not json");
        Assert.Contains("weclick-dataset.json", Assert.Throws<InvalidDataException>(() => SyntheticDatasetWriter.Write(broken, Tiny)).Message);
    }

    [Fact]
    public void ReadSettings_ReturnsTheSettingsWritten_AndNamesTheFileAndKeyWhenTheyAreMissingOrBad()
    {
        SyntheticDatasetWriter.Write(_root, Tiny with { Cars = new CountRange(1, 3), Textures = false });
        Assert.Equal(Tiny with { Cars = new CountRange(1, 3), Textures = false }, SyntheticDatasetWriter.ReadSettings(_root));

        var descriptor = Path.Combine(_root, "weclick-dataset.json");
        var json = JsonNode.Parse(File.ReadAllText(descriptor))!.AsObject();
        json["syntheticSettings"]!["width"] = 8;
        File.WriteAllText(descriptor, json.ToJsonString());
        var bad = Assert.Throws<InvalidDataException>(() => SyntheticDatasetWriter.ReadSettings(_root));
        Assert.Contains($"'{descriptor}': key \"syntheticSettings\"", bad.Message);
        Assert.Contains("Width = 8 is out of range", bad.Message);

        json.Remove("syntheticSettings");
        File.WriteAllText(descriptor, json.ToJsonString());
        Assert.Equal($"'{descriptor}': no \"syntheticSettings\" object, so the synthetic video cannot be rendered again.",
            Assert.Throws<InvalidDataException>(() => SyntheticDatasetWriter.ReadSettings(_root)).Message);
        File.Delete(descriptor);
        Assert.Contains("has no weclick-dataset.json", Assert.Throws<FileNotFoundException>(() => SyntheticDatasetWriter.ReadSettings(_root)).Message);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<SyntheticWriteProgress> report) : IProgress<SyntheticWriteProgress>
    {
        public void Report(SyntheticWriteProgress value) => report(value);
    }
}
