using System.Text.Json.Nodes;
using WeClick.Clicks;
using WeClick.Data;
using WeClick.Reports;
using WeClick.Vision;

namespace WeClick.Core.Tests.Reports;

public sealed class ImagePanelsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-panels-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Decodes PNG bytes through the vision layer (written to a file, read with Image.Read).</summary>
    private Tensor Decode(byte[] png)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".png");
        File.WriteAllBytes(path, png);
        return Image.Read(path);
    }

    [Fact]
    public void Labels_DecodeToExactlyThePaletteColours_VoidBlack()
    {
        using var scope = NewDisposeScope();
        var classes = ClassSet.CamVid;
        var labels = tensor(new long[] { 0, 1, 10, 255, 3, 3 }, [2, 3]);
        var panel = ImagePanels.Labels(labels, classes, "ground truth");
        var decoded = Decode(panel.Png);
        var palette = SegmentationPalette.For(classes);
        byte[] expected =
        [
            palette[0, 0], palette[0, 1], palette[0, 2], palette[1, 0], palette[1, 1], palette[1, 2], palette[10, 0], palette[10, 1], palette[10, 2],
            0, 0, 0, palette[3, 0], palette[3, 1], palette[3, 2], palette[3, 0], palette[3, 1], palette[3, 2],
        ];
        Assert.Equal(expected, decoded.data<byte>().ToArray());
        Assert.Equal((2, 3), (panel.Height, panel.Width));
    }

    [Fact]
    public void Flow_ZeroIsWhite_RightIsRed_LeftIsCyanish_FullRadiusSaturated()
    {
        Assert.Equal(((byte)255, (byte)255, (byte)255), FlowColors.Color(0, 0));
        var right = FlowColors.Color(1, 0);
        Assert.Equal(255, right.R);
        Assert.True(right.G < 30 && right.B < 60, $"right should be red, got {right}");
        var left = FlowColors.Color(-1, 0);
        Assert.True(left.R < 30 && left.G > 200 && left.B > 200, $"left should be cyan, got {left}");
        var halfRight = FlowColors.Color(0.5, 0);
        Assert.Equal(255, halfRight.R);
        Assert.InRange(halfRight.G, 120, 135); // half-way to white: 1 − 0.5·(1 − 0)

        using var scope = NewDisposeScope();
        // Pixel 0 still, pixel 1 moving right by 4 px (the largest: full saturation).
        var flow = tensor(new float[] { 0, 4, 0, 0 }, [2, 1, 2]);
        var decoded = Decode(ImagePanels.Flow(flow).Png).data<byte>().ToArray();
        Assert.Equal(new byte[] { 255, 255, 255, right.R, right.G, right.B }, decoded);
        var e = Assert.Throws<ArgumentException>(() => FlowColors.Colorize(zeros([3, 2, 2])));
        Assert.Contains("[2, H, W]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_Grey_ScalesMinToBlackAndMaxToWhite()
    {
        using var scope = NewDisposeScope();
        var map = tensor(new float[] { 2, 3, 4, float.NaN }, [2, 2]);
        var decoded = Decode(ImagePanels.Map(map, "consistency").Png).data<byte>().ToArray();
        Assert.Equal(new byte[] { 0, 0, 0, 128, 128, 128, 255, 255, 255, 0, 0, 0 }, decoded);
        var fixedRange = Decode(ImagePanels.Map(map, "c", ColorMap.Viridis, 0, 4).Png).data<byte>().ToArray();
        Assert.Equal(new byte[] { 253, 231, 37 }, fixedRange[6..9]); // 4 = max → viridis yellow
    }

    [Fact]
    public void Clicks_DrawDotsInTheClassColour_LeavingTheFrameUnchanged()
    {
        using var scope = NewDisposeScope();
        var classes = ClassSet.CamVid;
        var frame = zeros([20, 20, 3], dtype: ScalarType.Byte);
        var decoded = Decode(ImagePanels.Clicks(frame, [new Click(10, 5, 4, 0)], classes).Png);
        var palette = SegmentationPalette.For(classes);
        Assert.Equal(new[] { palette[4, 0], palette[4, 1], palette[4, 2] }, decoded[5][10].data<byte>().ToArray());
        Assert.Equal(new byte[] { 0, 0, 0 }, decoded[15][2].data<byte>().ToArray());
        Assert.Equal(0, frame.sum().ToInt64());
    }

    [Fact]
    public void Figure_PutsEachPanelInItsOwnSubplot_WithImageTraces_AndTitles()
    {
        using var scope = NewDisposeScope();
        var frame = ImagePanels.Frame(full([4, 6, 3], 7, dtype: ScalarType.Byte));
        var json = ImagePanels.Figure([frame, frame with { Title = "b" }, frame with { Title = "c" }], columns: 2, title: "clip").ToFigureJson();
        var data = json["data"]!.AsArray();
        Assert.Equal(["image", "image", "image"], data.Select(t => (string?)t!["type"]));
        Assert.Equal(["x", "x2", "x3"], data.Select(t => (string?)t!["xaxis"]));
        Assert.Equal(["y", "y2", "y3"], data.Select(t => (string?)t!["yaxis"]));
        var source = (string)data[0]!["source"]!;
        Assert.StartsWith("data:image/png;base64,", source, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat((byte)7, 72), Decode(Convert.FromBase64String(source["data:image/png;base64,".Length..])).data<byte>().ToArray());
        var layout = json["layout"]!;
        Assert.Equal(2, (int)layout["grid"]!["rows"]!);
        Assert.Equal(2, (int)layout["grid"]!["columns"]!);
        Assert.Equal("frame", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal("c", (string?)layout["xaxis3"]!["title"]!["text"]);
        Assert.False((bool)layout["yaxis2"]!["showticklabels"]!);
    }
}
