using WeClick.Data;
using WeClick.Vision;

namespace WeClick.Core.Tests.Data;

public class CityscapesDatasetTests
{
    [Fact]
    public void GetClip_ReadsTargetNeighboursLabelAndInstances()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder);
        var dataset = new CityscapesDataset(root, "train", new ClipDatasetOptions(3, FrameDirection.Forward, new FixedInterval(4)));
        Assert.Equal(2, dataset.Count);
        Assert.Equal("cityscapes/train", dataset.Name);
        Assert.Equal("aachen_000001_000019", dataset.ItemName(1));
        using var clip = dataset.GetClip(0, seed: 1);
        Assert.Equal(("aachen_000000_000019", 19), (clip.Name, clip.TargetIndex));
        Assert.Equal(new long[] { 6, 8, 3 }, clip.Image.shape);
        Assert.Equal(new byte[] { 19, 38, 7 }, clip.Image[0][0].data<byte>().ToArray()); // frame 19's pixels are (19, 38, 7)
        Assert.Equal(new[] { 11, 15 }, clip.Neighbours.Select(f => f.Index));
        Assert.Equal(new byte[] { 11, 22, 7 }, clip.Neighbours[0].Image[5][7].data<byte>().ToArray());
        Assert.Equal(new byte[] { 15, 30, 7 }, clip.Neighbours[1].Image[0][0].data<byte>().ToArray());
        // labelIds 0 / 7 (road) / 26 (car) → 255 / 0 / 13
        var label = clip.Label.data<byte>().ToArray();
        Assert.Equal(ScalarType.Byte, clip.Label.dtype);
        Assert.All(label[..8], v => Assert.Equal(255, v));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 13, 13, 13, 13 }, label[8..16]);
        Assert.Equal(26000, clip.Instances!.data<int>().ToArray()[15]);
        Assert.All(clip.Valid.data<byte>().ToArray(), v => Assert.Equal(1, v));
        Assert.Null(clip.Neighbours[0].Flow);
        Assert.Empty(clip.Clicks);
    }

    [Theory]
    [InlineData(FrameDirection.Backward, 1, new[] { 20, 21 })]
    [InlineData(FrameDirection.BiDirection, 7, new[] { 12, 26 })]
    public void GetClip_DirectionsReadTheRightFrames(FrameDirection direction, int interval, int[] expected)
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder, sequences: 1);
        var dataset = new CityscapesDataset(root, "train", new ClipDatasetOptions(3, direction, new FixedInterval(interval)));
        using var clip = dataset.GetClip(0, 0);
        Assert.Equal(expected, clip.Neighbours.Select(f => f.Index));
        Assert.Equal(expected.Select(e => (byte)e), clip.Neighbours.Select(f => f.Image[0][0][0].ToByte()));
    }

    [Fact]
    public void GetClip_ClickHookSeesTheLabel()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder, sequences: 1);
        var options = new ClipDatasetOptions() { Clicks = (name, label, instances) => [new PointLabel(5, 3, label[3][5].ToByte())] };
        using var clip = new CityscapesDataset(root, "train", options).GetClip(0, 0);
        Assert.Equal(new PointLabel(5, 3, 13), Assert.Single(clip.Clicks));
        Assert.Empty(clip.Neighbours);
    }

    [Fact]
    public void GetClip_MissingFrame_ThrowsNamingTheFile()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder, sequences: 1);
        var missing = Path.Combine(root, "leftImg8bit_sequence", "train", "aachen", "aachen_000000_000018_leftImg8bit.png");
        File.Delete(missing);
        var dataset = new CityscapesDataset(root, "train", new ClipDatasetOptions(2));
        var e = Assert.Throws<FileNotFoundException>(() => dataset.GetClip(0, 0));
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void GetClip_NeighbourOutsideTheSnippet_Throws()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder, sequences: 1);
        var dataset = new CityscapesDataset(root, "train", new ClipDatasetOptions(3, FrameDirection.Backward, new FixedInterval(7)));
        var e = Assert.Throws<FileNotFoundException>(() => dataset.GetClip(0, 0)); // 19 + 14 = 33 > 29
        Assert.Contains("frames 0..29", e.Message);
        Assert.Contains("aachen_000000_000033_leftImg8bit.png", e.Message);
    }

    [Fact]
    public void GetClip_BadLabelId_ThrowsNamingTheFile()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder, sequences: 1);
        var labelPath = Path.Combine(root, "gtFine", "train", "aachen", "aachen_000000_000019_gtFine_labelIds.png");
        DataFixtures.WriteGrey(labelPath, 6, 8, (x, y) => (byte)(x == 2 && y == 3 ? 40 : 7));
        var e = Assert.Throws<InvalidDataException>(() => new CityscapesDataset(root, "train").GetClip(0, 0));
        Assert.Contains(labelPath, e.Message);
        Assert.Contains("label id 40", e.Message);
    }

    [Fact]
    public void GetClip_FramesOfDifferentSizes_ThrowNamingTheFile()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder, sequences: 1);
        var odd = Path.Combine(root, "leftImg8bit_sequence", "train", "aachen", "aachen_000000_000018_leftImg8bit.png");
        DataFixtures.WriteRgb(odd, 6, 9, (_, _) => (1, 2, 3));
        var e = Assert.Throws<InvalidDataException>(() => new CityscapesDataset(root, "train", new ClipDatasetOptions(2)).GetClip(0, 0));
        Assert.Contains(odd, e.Message);
        Assert.Contains("9×6", e.Message);
        var label = Path.Combine(root, "gtFine", "train", "aachen", "aachen_000000_000019_gtFine_labelIds.png");
        DataFixtures.WriteGrey(label, 5, 8, (_, _) => 7);
        var e2 = Assert.Throws<InvalidDataException>(() => new CityscapesDataset(root, "train").GetClip(0, 0));
        Assert.Contains(label, e2.Message);
    }

    [Fact]
    public void Synthetic_DescriptorClassesAndGroundTruthFlows()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder, "val", sequences: 1);
        // Same layout, synthetic descriptor: label ids are trainIds 0..10 (rewrite the label with them).
        File.WriteAllText(Path.Combine(root, DatasetDescriptor.FileName), """
            {"name": "synthetic", "classes": ["sky","building","pole","road","sidewalk","vegetation","sign","fence","car","pedestrian","bicyclist"],
             "labelIdToTrainId": {"0":0,"1":1,"2":2,"3":3,"4":4,"5":5,"6":6,"7":7,"8":8,"9":9,"10":10,"255":255},
             "ignoreIndex": 255, "instanceClasses": [8, 9, 10], "snippetLength": 30, "labelledIndex": 19, "groundTruthFlow": true}
            """);
        DataFixtures.WriteGrey(Path.Combine(root, "gtFine", "val", "aachen", "aachen_000000_000019_gtFine_labelIds.png"), 6, 8, (x, _) => (byte)(x < 4 ? 3 : 8));
        var flowDir = Path.Combine(root, "gtFlow", "val", "aachen");
        Directory.CreateDirectory(flowDir);
        foreach (var f in new[] { 17, 18 })
        {
            File.WriteAllBytes(Path.Combine(flowDir, $"aachen_000000_000019_gtFlow_{f:D6}.flo"), [1]); // read by the hook below
            DataFixtures.WriteGrey(Path.Combine(flowDir, $"aachen_000000_000019_gtFlowValid_{f:D6}.png"), 6, 8, (x, _) => (byte)(x == 0 ? 0 : 255));
        }
        var read = new List<string>();
        var options = new ClipDatasetOptions(3)
        {
            FlowSource = request =>
            {
                read.Add(Path.GetFileName(request.GroundTruthFlowPath!));
                Assert.EndsWith($"gtFlowValid_{read.Count + 16:D6}.png", request.GroundTruthValidPath);
                return new FlowField(full([2, 6, 8], read.Count, ScalarType.Float32), ones([6, 8], ScalarType.Byte));
            },
        };
        var dataset = new CityscapesDataset(root, "val", options);
        Assert.Equal("synthetic/val", dataset.Name);
        Assert.Equal(11, dataset.Classes.Count);
        using var clip = dataset.GetClip(0, 0);
        Assert.Equal(new byte[] { 3, 3, 3, 3, 8, 8, 8, 8 }, clip.Label[0].data<byte>().ToArray());
        Assert.Equal(new[] { "aachen_000000_000019_gtFlow_000017.flo", "aachen_000000_000019_gtFlow_000018.flo" }, read);
        Assert.Equal(2f, clip.Neighbours[1].Flow![0][0][0].ToSingle());
        Assert.Equal(new byte[] { 1, 1, 1, 1, 1, 1, 1, 1 }, clip.Neighbours[0].FlowValid![0].data<byte>().ToArray());
        // A source that returns the wrong size is named with the neighbour frame.
        var wrong = new CityscapesDataset(root, "val", new ClipDatasetOptions(3) { FlowSource = _ => new FlowField(zeros(2, 5, 8)) });
        var bad = Assert.Throws<InvalidDataException>(() => wrong.GetClip(0, 0));
        Assert.Contains("leftImg8bit", bad.Message);
        Assert.Contains("[2, 6, 8]", bad.Message);
    }

    [Fact]
    public void Layout_Check_ListsMissingFramesAndInstanceFiles()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder);
        var complete = CityscapesLayout.Check(root);
        Assert.True(complete.IsComplete, complete.ToString());
        Assert.Equal((2, 2, 0), (complete.Splits[0].LabelledFrames, complete.Splits[0].CompleteSnippets, complete.Splits[0].MissingFrames));
        var gone = Path.Combine(root, "leftImg8bit_sequence", "train", "aachen", "aachen_000001_000029_leftImg8bit.png");
        File.Delete(gone);
        File.Delete(Path.Combine(root, "gtFine", "train", "aachen", "aachen_000000_000019_gtFine_instanceIds.png"));
        var report = CityscapesLayout.Check(root, ["train", "val"]);
        Assert.False(report.IsComplete);
        Assert.Equal(new CityscapesSplitSummary("train", 2, 1, 1, 1), report.Splits[0]);
        Assert.Contains(report.Problems, p => p.Contains(gone));
        Assert.Contains(report.Problems, p => p.Contains("aachen_000000_000019_gtFine_instanceIds.png"));
        Assert.Contains(report.Problems, p => p.Contains(Path.Combine("gtFine", "val")));
        Assert.Contains("INCOMPLETE", report.ToString());
    }

    [Fact]
    public void Constructor_NoLabelFolder_Throws()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<DirectoryNotFoundException>(() => new CityscapesDataset(folder.Path, "train"));
        Assert.Contains(Path.Combine(folder.Path, "gtFine", "train"), e.Message);
    }

    [Fact]
    public void Fixture_InstanceFileIs16Bit()
    {
        using var folder = new TempFolder();
        var root = DataFixtures.Cityscapes(folder, sequences: 1);
        using var map = Image.ReadLabel(Path.Combine(root, "gtFine", "train", "aachen", "aachen_000000_000019_gtFine_instanceIds.png"));
        Assert.Equal(ScalarType.Int32, map.dtype);
    }
}
