using WeClick.Data.Synthetic;

namespace WeClick.Core.Tests.Data.Synthetic;

public sealed class SyntheticVideoTests
{
    // Small and short, so each snippet takes a fraction of a second.
    private static readonly SyntheticVideoSettings Small = new() { Width = 128, Height = 64, SnippetLength = 6, LabelledIndex = 3, Seed = 11 };

    private static void AssertSnippetsEqual(SyntheticSnippet x, SyntheticSnippet y)
    {
        Assert.Equal(x.Frames.Count, y.Frames.Count);
        for (var t = 0; t < x.Frames.Count; t++)
        {
            Assert.Equal(x.Frames[t].data<byte>().ToArray(), y.Frames[t].data<byte>().ToArray());
            if (t != x.LabelledIndex)
            {
                Assert.Equal(x.Flows[t]!.data<float>().ToArray(), y.Flows[t]!.data<float>().ToArray());
                Assert.Equal(x.FlowValid[t]!.data<bool>().ToArray(), y.FlowValid[t]!.data<bool>().ToArray());
            }
        }
        Assert.Equal(x.Label.data<byte>().ToArray(), y.Label.data<byte>().ToArray());
        Assert.Equal(x.Instances.data<int>().ToArray(), y.Instances.data<int>().ToArray());
    }

    [Fact]
    public void Generate_IsByteIdenticalForTheSameSeed()
    {
        var video = new SyntheticVideo(Small);
        using var first = video.Generate("train", 2);
        using var second = new SyntheticVideo(Small with { }).Generate("train", 2);
        AssertSnippetsEqual(first, second);
        using var bySeed = video.Generate(video.SnippetSeed("train", 2));
        AssertSnippetsEqual(first, bySeed);
    }

    [Fact]
    public void Generate_DiffersBetweenSeedsSnippetsAndSplits()
    {
        var video = new SyntheticVideo(Small);
        using var a = video.Generate("train", 0);
        using var b = video.Generate("train", 1);
        using var c = video.Generate("val", 0);
        using var d = new SyntheticVideo(Small with { Seed = 12 }).Generate("train", 0);
        foreach (var other in new[] { b, c, d })
        {
            Assert.NotEqual(a.Frames[0].data<byte>().ToArray(), other.Frames[0].data<byte>().ToArray());
            Assert.NotEqual(a.Label.data<byte>().ToArray(), other.Label.data<byte>().ToArray());
        }
        Assert.Equal(4, new[] { video.SnippetSeed("train", 0), video.SnippetSeed("train", 1), video.SnippetSeed("val", 0), video.SnippetSeed("val", 1) }.Distinct().Count());
    }

    [Fact]
    public void Generate_HasTheDocumentedShapesAndTypes()
    {
        using var s = new SyntheticVideo(Small).Generate("val", 0);
        Assert.Equal(3, s.LabelledIndex);
        Assert.Equal(6, s.Frames.Count);
        Assert.All(s.Frames, f => { Assert.Equal(ScalarType.Byte, f.dtype); Assert.Equal(new long[] { 64, 128, 3 }, f.shape); });
        Assert.Equal(ScalarType.Byte, s.Label.dtype);
        Assert.Equal(new long[] { 64, 128 }, s.Label.shape);
        Assert.Equal(ScalarType.Int32, s.Instances.dtype);
        Assert.Null(s.FrameLabels);
        for (var t = 0; t < 6; t++)
        {
            if (t == 3)
            {
                Assert.Null(s.Flows[t]);
                continue;
            }
            Assert.Equal(ScalarType.Float32, s.Flows[t]!.dtype);
            Assert.Equal(new long[] { 2, 64, 128 }, s.Flows[t]!.shape);
            Assert.Equal(ScalarType.Bool, s.FlowValid[t]!.dtype);
            Assert.True(s.Flows[t]!.isfinite().all().ToBoolean());
        }
        Assert.True(s.Label.max().ToByte() <= 10); // no void pixels: every pixel shows some layer
    }

    [Fact]
    public void Labels_InstanceMapAgreesWithTheLabelMapInEveryFrame()
    {
        using var s = new SyntheticVideo(Small with { SnippetLength = 8, LabelledIndex = 5 }).Generate("train", 3, labelEveryFrame: true);
        for (var t = 0; t < 8; t++)
        {
            var label = s.FrameLabels![t].data<byte>().ToArray();
            var instances = s.FrameInstances![t].data<int>().ToArray();
            var classOf = new Dictionary<int, int>();
            for (var i = 0; i < label.Length; i++)
            {
                var id = instances[i];
                var cls = id >= 1000 ? id / 1000 : id;
                Assert.Equal(label[i], cls);
                Assert.True(id < 1000 || SyntheticClasses.InstanceClasses.Contains(cls), $"instance id {id} of a stuff class");
                Assert.True(id >= 1000 || !SyntheticClasses.InstanceClasses.Contains(cls), $"class {cls} pixel without an instance id");
                Assert.Equal(cls, classOf.TryAdd(id, cls) ? cls : classOf[id]);
            }
        }
        Assert.Equal(s.FrameLabels![5].data<byte>().ToArray(), s.Label.data<byte>().ToArray());
    }

    [Fact]
    public void Labels_SkyOnTopRoadAtTheBottomAndEveryClassOverASplit()
    {
        // The default frame size and object counts, short snippets: the layout the pipeline trains on.
        var video = new SyntheticVideo(new SyntheticVideoSettings { SnippetLength = 2, LabelledIndex = 1, Seed = 3 });
        var seen = new HashSet<int>();
        for (var i = 0; i < 8; i++)
        {
            using var s = video.Generate("train", i);
            using var label = s.Label.to(ScalarType.Int64);
            using var rows = arange(128, ScalarType.Float32).view(128, 1).expand(128, 256);
            double MeanRow(int cls)
            {
                using var mask = label.eq(cls);
                return rows.masked_select(mask).mean().ToSingle();
            }
            Assert.True(MeanRow(SyntheticClasses.Sky) < 0.3 * 128, $"snippet {i}: sky mean row {MeanRow(SyntheticClasses.Sky)}");
            Assert.True(MeanRow(SyntheticClasses.Road) > 0.6 * 128, $"snippet {i}: road mean row {MeanRow(SyntheticClasses.Road)}");
            using var bottomCentre = label[127].slice(0, 96, 160, 1);
            Assert.True(bottomCentre.eq(SyntheticClasses.Road).all().ToBoolean(), $"snippet {i}: the bottom centre is not all road");
            using var top = label[0];
            Assert.False(top.eq(SyntheticClasses.Road).any().ToBoolean());
            seen.UnionWith(s.Label.data<byte>().ToArray().Select(v => (int)v));
        }
        Assert.Equal(Enumerable.Range(0, 11), seen.Order());
    }

    [Fact]
    public void Textures_GiveStructureAndCanBeTurnedOff()
    {
        static int Colours(SyntheticVideoSettings settings)
        {
            using var s = new SyntheticVideo(settings with { NoiseLevel = 0 }).Generate("train", 0);
            var rgb = s.Frames[s.LabelledIndex].data<byte>().ToArray();
            return Enumerable.Range(0, rgb.Length / 3).Select(i => (rgb[3 * i] << 16) | (rgb[3 * i + 1] << 8) | rgb[3 * i + 2]).Distinct().Count();
        }
        var textured = Colours(Small);
        var flat = Colours(Small with { Textures = false });
        Assert.True(textured > 3 * flat, $"{textured} colours with textures, {flat} without");
    }

    [Fact]
    public void Lighting_ChangesTheBrightnessOverTheSnippet()
    {
        static double Spread(double amplitude)
        {
            using var s = new SyntheticVideo(Small with { SnippetLength = 30, LabelledIndex = 19, NoiseLevel = 0, LightingAmplitude = amplitude, Width = 64, Height = 32 })
                .Generate("train", 1);
            var means = s.Frames.Select(f => (double)f.to(ScalarType.Float32).mean().ToSingle()).ToArray();
            return means.Max() - means.Min();
        }
        Assert.True(Spread(0.2) > 3 * Spread(0), $"brightness spread {Spread(0.2):0.0} with lighting change, {Spread(0):0.0} without");
    }

    [Fact]
    public void RenderLabels_GiveTheLabelsOfGenerateForTheFramesAsked_InTheirOrder()
    {
        var video = new SyntheticVideo(Small);
        using var snippet = video.Generate("val", 1, labelEveryFrame: true);
        int[] frames = [5, 0, 3, 2];
        var labels = video.RenderLabels("val", 1, frames);
        try
        {
            Assert.Equal(frames.Length, labels.Length);
            for (var i = 0; i < frames.Length; i++)
            {
                Assert.Equal(ScalarType.Byte, labels[i].dtype);
                Assert.Equal(snippet.FrameLabels![frames[i]].data<byte>().ToArray(), labels[i].data<byte>().ToArray());
            }
            // The camera moves, so the frames differ: the test would not notice a frame index ignored.
            Assert.NotEqual(labels[0].data<byte>().ToArray(), labels[1].data<byte>().ToArray());
        }
        finally
        {
            foreach (var label in labels)
            {
                label.Dispose();
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => video.RenderLabels("val", 1, [6]));
    }

    [Fact]
    public void Generate_ThrowsForAnUnknownSplit()
    {
        var e = Assert.Throws<ArgumentException>(() => new SyntheticVideo(Small).Generate("test", 0));
        Assert.Contains("'test'", e.Message);
        Assert.Contains("'val'", e.Message);
    }
}
