using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using WeClick.Clicks;
using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Reports;

namespace WeClick.Core.Tests.Reports;

/// <summary>
/// plotly.js itself judges our figures: <c>Plotly.validate</c> (schema checks, no drawing) under node, with the
/// installed plotly.min.js (scripts/setup.sh installs node and plotly.js-dist-min). Drawing is checked in a browser.
/// </summary>
[Collection(PlotlyJsCollection.Name)]
public sealed class PlotlyValidationTests
{
    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Runs plotly_validate.js on the figures; one list of plotly's error messages per figure.</summary>
    private static List<List<string>> Validate(params JsonObject[] figures)
    {
        var input = new JsonArray(figures.Select(json =>
            (JsonNode?)new JsonObject { ["data"] = json["data"]!.DeepClone(), ["layout"] = json["layout"]!.DeepClone() }).ToArray());
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Here(), "plotly_validate.js"));
        start.ArgumentList.Add(PlotlyJs.Locate());
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        node.StandardInput.Write(input.ToJsonString());
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        Assert.True(node.WaitForExit(60_000), "node (Plotly.validate) did not finish within 60 s");
        Assert.True(node.ExitCode == 0, $"node failed: {error.Result}");
        return JsonNode.Parse(output.Result)!.AsArray()
            .Select(errors => errors!.AsArray().Select(e => (string)e!["msg"]!).ToList()).ToList();
    }

    [Fact]
    public void EveryChartAndPanelFigure_PassesPlotlyValidate()
    {
        using var scope = NewDisposeScope();
        var confusion = new ConfusionMatrix(3);
        confusion.Add(tensor(new long[] { 0, 1, 2, 2 }, [2, 2]), tensor(new long[] { 0, 1, 2, 1 }, [2, 2]));
        var metrics = confusion.Metrics(["a", "b", "c"]);
        var classes = ClassSet.CamVid;
        var frame = zeros([8, 12, 3], dtype: ScalarType.Byte);
        var panels = ImagePanels.Figure(
        [
            ImagePanels.Frame(frame),
            ImagePanels.Clicks(frame, [new Click(3, 4, 1, 0)], classes),
            ImagePanels.Labels(zeros([8, 12], dtype: ScalarType.Int64), classes, "prediction"),
            ImagePanels.Flow(ones([2, 8, 12])),
            ImagePanels.Map(rand([8, 12]), "consistency", ColorMap.Viridis),
        ], columns: 3, title: "clip 1");
        var figures = new[]
        {
            Charts.Bar(["a", "b"], [1, double.NaN], "bar", "value"),
            Charts.GroupedBar(["a", "b"], [("x", [1.0, 2.0]), ("y", [3.0, 4.0])], "grouped", "IoU"),
            Charts.Line([("loss", [(1.0, 2.0), (2.0, 1.0)]), ("val", [(1.0, 2.5), (2.0, double.NaN)])], "curves", "epoch", "loss", markers: true),
            Charts.Scatter([("a", 1, 2), ("b", 3, 4)], "scatter", "FPS", "mIoU"),
            Charts.ConfusionMatrix(confusion, ["a", "b", "c"]),
            Charts.ConfusionMatrix(confusion, normalizeRows: false),
            Charts.PerClassIoU(metrics),
            Charts.PerClassIoU([("r1", metrics), ("r2", metrics)]),
            panels,
            Charts.Heatmap(new double[,] { { 1, double.NaN } }, ["a", "b"], ["r"], "heatmap", colorBarTitle: "value"),
            Charts.TrainingCurves("teacher", [(1.0, 2.0), (2.0, 1.5)], []),
            Charts.TrainingCurves("teacher", [(1.0, 2.0), (2.0, 1.5)], [(2.0, 0.25)]),
            // Error bars (a sweep's std over seeds).
            Charts.Scatter([("a", 1, 2), ("b", 3, 4)], "with errors", "FPS", "mIoU", yErrors: [0.5, 0.0]),
        };
        var results = Validate(figures.Select(f => f.ToFigureJson()).ToArray());
        for (var i = 0; i < figures.Length; i++)
        {
            Assert.True(results[i].Count == 0, $"{figures[i].Describe()}: {string.Join("; ", results[i])}");
        }
    }

    [Fact]
    public void ChartsBuiltWithPlotlyNetCSharp_PassPlotlyValidate_OnceCleaned_ButNotAsPlotlyNetWritesThem()
    {
        var line = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: [1.0, 2.0], y: [3.0, double.NaN], Name: "loss");
        var points = Plotly.NET.CSharp.Chart.Point<double, double, string>(x: [1.0], y: [2.0], MultiText: new[] { "a" });
        var raw = JsonNode.Parse(Plotly.NET.GenericChart.toFigureJson(line))!.AsObject();
        var results = Validate(line.ToFigureJson(), points.ToFigureJson(), raw);
        Assert.Empty(results[0]);
        Assert.Empty(results[1]);
        // What the cleaning removes: the empty marker of a line trace.
        Assert.Contains(results[2], m => m.Contains("container marker did not get coerced", StringComparison.Ordinal));
    }

    [Fact]
    public void TheValidator_RejectsStringTitlesAndUnknownKeys()
    {
        // The check above can fail: plotly.js ≥ 3 rejects what older figure JSON did.
        var good = Charts.Bar(["a"], [1], "title").ToFigureJson();
        var bad = Charts.Bar(["a"], [1], "title").ToFigureJson();
        bad["layout"]!["title"] = "a string";
        bad["data"]![0]!["bogus"] = 1;
        var results = Validate(good, bad);
        Assert.Empty(results[0]);
        Assert.Contains(results[1], m => m.Contains("title must be linked to an object container", StringComparison.Ordinal));
        Assert.Contains(results[1], m => m.Contains("key bogus is not part of the schema", StringComparison.Ordinal));
    }
}
