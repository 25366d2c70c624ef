using System.Text.Json.Nodes;
using Plotly.NET;
using WeClick.Reports;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace WeClick.Core.Tests.Reports;

[Collection(PlotlyJsCollection.Name)]
public sealed class ChartOutputTests
{
    private static GenericChart UserLine() =>
        CSharpChart.Line<double, double, string>(x: [1.0, 2.0, 3.0], y: [4.0, double.NaN, 6.0], Name: "loss");

    [Fact]
    public void ToFigureJson_KeepsTheValues_NaNAsNull_WithoutEmptyContainers()
    {
        var json = UserLine().ToFigureJson();
        var trace = json["data"]![0]!.AsObject();
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal("lines", (string?)trace["mode"]);
        Assert.Equal("loss", (string?)trace["name"]);
        Assert.Equal([1.0, 2.0, 3.0], trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([4.0, null, 6.0], trace["y"]!.AsArray().Select(v => (double?)v));
        // Plotly.NET writes "marker": {} and "line": {} on a line chart; plotly.js's validator reports them.
        Assert.False(trace.ContainsKey("marker"));
        Assert.False(trace.ContainsKey("line"));
        Assert.Equal(["data", "layout", "config"], json.Select(p => p.Key));
        Assert.False((bool)json["config"]!["displaylogo"]!);
        Assert.True((bool)json["config"]!["responsive"]!);
    }

    [Fact]
    public void ToFigureJson_KeepsPlotlyNetsTemplate_AndLeavesTheChartAsItWas()
    {
        var chart = UserLine();
        var raw = JsonNode.Parse(GenericChart.toFigureJson(chart))!;
        var first = chart.ToFigureJson();
        Assert.True(JsonNode.DeepEquals(raw["layout"]!["template"], first["layout"]!["template"]), "the template as Plotly.NET writes it");
        Assert.True(JsonNode.DeepEquals(raw["layout"]!["width"], first["layout"]!["width"]));
        Assert.True(GenericChart.getLayout(chart).TryGetPropertyValue("template") is not null, "the chart keeps its template");
        Assert.Equal(first.ToJsonString(), chart.ToFigureJson().ToJsonString()); // the cached template serialises the same
    }

    [Fact]
    public void ToFigureJson_LeavesCategoryLabelsAndNonEmptyContainersAlone()
    {
        var chart = CSharpChart.Column<double, string, string>(values: [1.0, 2.0], Keys: new[] { "NaN", "b" }, MarkerColor: Color.fromString("red"));
        var trace = chart.ToFigureJson()["data"]![0]!;
        Assert.Equal(["NaN", "b"], trace["x"]!.AsArray().Select(v => (string?)v)); // a label, not a number
        Assert.Equal("red", (string?)trace["marker"]!["color"]);
    }

    [Fact]
    public void ToMimeBundle_HasPlotlyJson_OfflineHtml_AndDescription()
    {
        var chart = Plotly.NET.CSharp.GenericChartExtensions.WithTraceInfo(
            CSharpChart.Column<double, string, string>(values: [1.0, 2.0, 3.0], Keys: new[] { "a", "b", "c" }), Name: "IoU");
        var bundle = chart.ToMimeBundle();

        Assert.Equal("Figure: bar, 3 categories", bundle.Text);
        var plotly = Assert.IsType<JsonObject>(bundle.Data[ChartOutput.PlotlyMimeType]);
        Assert.Equal([1.0, 2.0, 3.0], plotly["data"]![0]!["y"]!.AsArray().Select(v => (double)v!));
        var html = bundle.Data["text/html"]!.GetValue<string>();
        Assert.Matches("<div id=\"weclick-figure-[0-9a-f]{16}\"", html);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("file://", html, StringComparison.Ordinal); // the installed copy (PlotlyJs.Current)
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal); // Plotly.NET's own HTML loads cdn.plot.ly
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_IsTheSameForTheSameChart_AndPointsAtTheGivenCopy()
    {
        var first = UserLine().ToHtml(PlotlyJs.Relative());
        Assert.Equal(first, UserLine().ToHtml(PlotlyJs.Relative())); // outputs the same on every run: no GUIDs
        Assert.Contains("var url = \"plotly.min.js\";", first, StringComparison.Ordinal);
        Assert.Contains("\"y\":[4.0,null,6.0]", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_CountsTracesByType_AndAddsTheTitle()
    {
        var combined = CSharpChart.Combine([UserLine(), UserLine()]);
        Assert.Equal("Figure: 2 × scatter, 3 points", combined.Describe());
        var heatmap = CSharpChart.Heatmap<double, string, string, string>(zData: [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        Assert.Equal("Figure: heatmap, 2×3", heatmap.Describe());
        Assert.Equal("Figure: bar, 2 categories — per-class IoU", Charts.Bar(["a", "b"], [1, 2], "per-class IoU").Describe());
    }
}
