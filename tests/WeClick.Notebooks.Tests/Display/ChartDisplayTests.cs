using System.Text.Json.Nodes;
using WeClick.Notebooks.Display;
using WeClick.Notebooks.Execution;
using WeClick.Notebooks.Tests.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Display;

public sealed class ChartDisplayTests(SharedExecutorFixture fixture) : IClassFixture<SharedExecutorFixture>
{
    [Fact]
    public async Task AChartBuiltInACell_WithPlotlyNetCSharp_ShowsAsPlotlyJsonAndOfflineHtml()
    {
        var sink = new RecordingSink();
        var outcome = await ExecutorTesting.RunOk(fixture.Executor, """
            using Plotly.NET.CSharp;
            Chart.Line<double, double, string>(x: new[] { 1.0, 2.0, 3.0 }, y: new[] { 0.9, 0.5, 0.25 }, Name: "loss")
            """, sink);

        var bundle = outcome.Result!;
        Assert.Equal("Figure: scatter, 3 points", bundle.Text);
        var figure = Assert.IsType<JsonObject>(bundle.Data[ChartOutput.PlotlyMimeType]);
        var trace = figure["data"]![0]!.AsObject();
        Assert.Equal([0.9, 0.5, 0.25], trace["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("loss", (string?)trace["name"]);
        Assert.False(trace.ContainsKey("marker"), "the empty marker plotly.js's validator flags is gone");
        var html = bundle.Data["text/html"]!.GetValue<string>();
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("\"y\":[0.9,0.5,0.25]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatter_FormatsAGenericChart_LikeChartOutput()
    {
        var chart = Plotly.NET.CSharp.Chart.Column<double, string, string>(values: new[] { 0.5, 0.75 }, Keys: new[] { "road", "sky" });
        var bundle = Formatter.Format(chart);
        Assert.Equal(chart.ToFigureJson().ToJsonString(), bundle.Data[ChartOutput.PlotlyMimeType]!.ToJsonString());
        Assert.Equal([0.5, 0.75], bundle.Data[ChartOutput.PlotlyMimeType]!["data"]![0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.True(bundle.Data.ContainsKey("text/html"));
    }
}
