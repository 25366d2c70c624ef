using WeClick.Evaluation;
using WeClick.Reports;

namespace WeClick.Core.Tests.Reports;

public sealed class ChartsTests
{
    // Rows = ground truth, columns = prediction: M = [[3, 1, 0], [0, 3, 1], [0, 0, 0]] (class 2 absent from the truth).
    private static ConfusionMatrix Matrix()
    {
        var matrix = new ConfusionMatrix(3);
        matrix.Add(tensor(new long[] { 0, 0, 0, 1, 1, 1, 1, 2 }, [2, 4]), tensor(new long[] { 0, 0, 0, 0, 1, 1, 1, 1 }, [2, 4]));
        return matrix;
    }

    [Fact]
    public void ConfusionMatrix_RowNormalised_ZIsTheMatrixOverRowSums_LabelsInOrder_YReversed()
    {
        using var scope = NewDisposeScope();
        var json = Charts.ConfusionMatrix(Matrix(), ["road", "car", "sky"]).ToFigureJson();
        var trace = json["data"]![0]!;
        Assert.Equal("heatmap", (string?)trace["type"]);
        var z = trace["z"]!.AsArray().Select(r => r!.AsArray().Select(v => (double)v!).ToArray()).ToArray();
        Assert.Equal([0.75, 0.25, 0.0], z[0]);
        Assert.Equal([0.0, 0.75, 0.25], z[1]);
        Assert.Equal([0.0, 0.0, 0.0], z[2]); // no ground truth: stays 0 rather than NaN
        Assert.All(z.Take(2), row => Assert.Equal(1.0, row.Sum(), 12));
        Assert.Equal(["road", "car", "sky"], trace["x"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["road", "car", "sky"], trace["y"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(0.0, (double)trace["zmin"]!);
        Assert.Equal(1.0, (double)trace["zmax"]!);
        Assert.Equal("0.75", (string?)trace["text"]![0]![0]);
        Assert.Equal("reversed", (string?)json["layout"]!["yaxis"]!["autorange"]);
        Assert.Equal("ground truth", (string?)json["layout"]!["yaxis"]!["title"]!["text"]);
        Assert.Equal("prediction", (string?)json["layout"]!["xaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void ConfusionMatrix_Counts_AreRawPixels_AndNamesMustMatch()
    {
        using var scope = NewDisposeScope();
        var z = Charts.ConfusionMatrix(Matrix(), normalizeRows: false).ToFigureJson()["data"]![0]!["z"]!;
        Assert.Equal([3.0, 1.0, 0.0], z[0]!.AsArray().Select(v => (double)v!));
        Assert.Equal(["0", "1", "2"], Charts.ConfusionMatrix(Matrix()).ToFigureJson()["data"]![0]!["x"]!.AsArray().Select(v => (string?)v));
        var e = Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(Matrix(), ["a", "b"]));
        Assert.Contains("2 class names given for a 3-class", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerClassIoU_IsPercentBars_WithMeanInTheTitle()
    {
        using var scope = NewDisposeScope();
        var metrics = Matrix().Metrics(["road", "car", "sky"]);
        var json = Charts.PerClassIoU(metrics).ToFigureJson();
        var y = json["data"]![0]!["y"]!.AsArray();
        Assert.Equal(75.0, (double)y[0]!, 9);  // road: TP 3 / (GT 4 + P 3 − 3)
        Assert.Equal(60.0, (double)y[1]!, 9);  // car: 3 / (4 + 4 − 3)
        Assert.Equal(0.0, (double)y[2]!, 9);   // sky: predicted twice, never true
        Assert.Equal($"Per-class IoU (mIoU {((75.0 + 60.0 + 0.0) / 3).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}%)", (string?)json["layout"]!["title"]!["text"]);
    }
}
