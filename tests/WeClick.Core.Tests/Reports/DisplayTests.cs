using System.Text.Json.Nodes;
using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Reports;
using WeClick.Vision;

namespace WeClick.Core.Tests.Reports;

[Collection(PlotlyJsCollection.Name)]
public sealed class DisplayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-display-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ConfusionMatrix Matrix()
    {
        var matrix = new ConfusionMatrix(2);
        matrix.Add(tensor(new long[] { 0, 0, 1, 1 }, [2, 2]), tensor(new long[] { 0, 1, 1, 1 }, [2, 2]));
        return matrix; // [[1, 0], [1, 2]]
    }

    [Fact]
    public void SegmentationMetrics_ShowHeadlineAndPerClassTables()
    {
        using var scope = NewDisposeScope();
        var bundle = MetricsDisplay.Bundle(Matrix().Metrics(["road", "sky"]));
        // IoU road 1/2, sky 2/3 → mIoU 58.33%; accuracy road 1, sky 2/3 → mPA 83.33%; pixel accuracy 3/4.
        Assert.StartsWith("mIoU 58.33%  mPA 83.33%  pixel accuracy 75.00%  (4 pixels, 2 classes)", bundle.Text, StringComparison.Ordinal);
        Assert.Contains("sky", bundle.Text, StringComparison.Ordinal);
        var html = bundle.Data["text/html"]!.GetValue<string>();
        Assert.Contains("<td style=\"text-align:right\">58.33</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"text-align:right\">66.7</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfusionMatrix_ShowsCountsAsText_AndAHeatmap()
    {
        using var scope = NewDisposeScope();
        var bundle = MetricsDisplay.Bundle(Matrix());
        Assert.StartsWith("ConfusionMatrix: 2 classes, 4 pixels", bundle.Text, StringComparison.Ordinal);
        Assert.EndsWith("1" + new string(' ', 19) + "1  2", bundle.Text, StringComparison.Ordinal);
        var figure = Assert.IsType<JsonObject>(bundle.Data[ChartOutput.PlotlyMimeType]);
        var row1 = figure["data"]![0]!["z"]![1]!.AsArray().Select(v => (double)v!).ToArray(); // [1, 2] / 3
        Assert.Equal(1.0 / 3, row1[0], 12);
        Assert.Equal(2.0 / 3, row1[1], 12);
    }

    [Fact]
    public void EvaluationResult_CombinesHeaderTablesAndHeatmapInHtml()
    {
        using var scope = NewDisposeScope();
        var matrix = Matrix();
        var result = new EvaluationResult("toy/val", matrix.Metrics(["road", "sky"]), matrix, 1, TimeSpan.FromSeconds(2.5));
        var bundle = MetricsDisplay.Bundle(result);
        Assert.StartsWith("Evaluation of toy/val: 1 frames in 2.5 s\nmIoU 58.33%", bundle.Text, StringComparison.Ordinal);
        var html = bundle.Data["text/html"]!.GetValue<string>();
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("\"x\":[\"road\",\"sky\"]", html, StringComparison.Ordinal);
        Assert.False(bundle.Data.ContainsKey(ChartOutput.PlotlyMimeType), "a plotly MIME type would hide the tables in JupyterLab");
    }

    [Fact]
    public void MaskView_IsAPngOfThePaletteColours_OrBlendedOverTheFrame()
    {
        using var scope = NewDisposeScope();
        var classes = ClassSet.CamVid;
        var labels = tensor(new long[] { 1, 1, 255, 2 }, [2, 2]);
        var view = new MaskView(labels, classes);
        var bundle = view.ToMimeBundle();
        Assert.Equal("Mask 2×2: " + classes.Names[1] + " 50.0%, " + classes.Names[2] + " 25.0%, void 25.0%", bundle.Text);
        var png = Convert.FromBase64String(bundle.Data["image/png"]!.GetValue<string>());
        var path = Path.Combine(_folder, "mask.png");
        File.WriteAllBytes(path, png);
        TensorAssert.Equal(SegmentationPalette.Colorize(labels, classes), Image.Read(path));

        var frame = full([2, 2, 3], 100, dtype: ScalarType.Byte);
        var blended = new MaskView(labels, classes, frame, opacity: 0.5);
        File.WriteAllBytes(path, blended.Png);
        var pixels = Image.Read(path).data<byte>().ToArray();
        var palette = SegmentationPalette.For(classes);
        Assert.Equal((byte)Math.Round(0.5 * 100 + 0.5 * palette[1, 0]), pixels[0]);
        Assert.Equal(new byte[] { 100, 100, 100 }, pixels[6..9]); // void shows the frame
        Assert.Throws<ArgumentException>(() => new MaskView(labels, classes, zeros([3, 3, 3], dtype: ScalarType.Byte)));
    }
}
