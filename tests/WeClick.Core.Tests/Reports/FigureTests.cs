using System.Text.Json.Nodes;
using WeClick.Reports;

namespace WeClick.Core.Tests.Reports;

[Collection(PlotlyJsCollection.Name)]
public sealed class FigureTests
{
    [Fact]
    public void GroupedBar_WritesBarTracesWithCategoriesOnXValuesOnY_BarmodeGroup_AndTitlesAsObjects()
    {
        var figure = Charts.GroupedBar(["road", "sky"], [("teacher", [0.5, 0.25]), ("student", [0.75, double.NaN])], "per-class IoU", "IoU");
        var json = figure.ToFigureJson();

        var data = json["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.All(data, t => Assert.Equal("bar", (string?)t!["type"]));
        Assert.Equal(["teacher", "student"], data.Select(t => (string?)t!["name"]));
        Assert.Equal(["road", "sky"], data[0]!["x"]!.AsArray().Select(v => (string?)v));
        Assert.Equal([0.5, 0.25], data[0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(0.75, (double)data[1]!["y"]![0]!);
        Assert.Null(data[1]!["y"]![1]); // NaN → null: a gap, and JSON has no NaN
        Assert.Equal("v", (string?)data[0]!["orientation"]);
        var layout = json["layout"]!;
        Assert.Equal("group", (string?)layout["barmode"]);
        Assert.Equal("h", (string?)layout["legend"]!["orientation"]);
        Assert.Equal("per-class IoU", (string?)layout["title"]!["text"]);
        Assert.Equal("IoU", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.True((bool)json["config"]!["responsive"]!);
    }

    [Fact]
    public void Bar_PrintsTheFormattedValues_AndSlantsLongCategoryLists()
    {
        var trace = Charts.Bar(["a", "b"], [0.5, double.NaN], valueFormat: "F1").ToFigureJson()["data"]![0]!;
        Assert.Equal(["0.5", ""], trace["text"]!.AsArray().Select(v => (string?)v));
        Assert.False(trace.AsObject().ContainsKey("marker"), "Plotly.NET's empty marker.pattern is dropped");
        var many = Charts.Bar([.. Enumerable.Range(0, 7).Select(i => $"c{i}")], [.. Enumerable.Repeat(1.0, 7)]).ToFigureJson();
        Assert.Equal(-45.0, (double)many["layout"]!["xaxis"]!["tickangle"]!);
    }

    [Fact]
    public void Scatter_LabelsEachPoint_WithOptionalErrorBars()
    {
        var json = Charts.Scatter([("DeepLab", 12.5, 0.7), ("student", 150, 0.6)], "accuracy vs speed", "FPS", "mIoU", yErrors: [0.1, double.NaN]).ToFigureJson();
        var points = json["data"]![0]!;
        Assert.Equal("markers+text", (string?)points["mode"]);
        Assert.Equal([12.5, 150.0], points["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(["DeepLab", "student"], points["text"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("data", (string?)points["error_y"]!["type"]);
        Assert.Equal([0.1, null], points["error_y"]!["array"]!.AsArray().Select(v => (double?)v));
        Assert.True((bool)points["error_y"]!["visible"]!);
        Assert.False((bool)json["layout"]!["showlegend"]!);
        Assert.Equal("FPS", (string?)json["layout"]!["xaxis"]!["title"]!["text"]);
        var mismatch = Assert.Throws<ArgumentException>(() => Charts.Scatter([("a", 1, 2), ("b", 3, 4)], yErrors: [0.1]));
        Assert.Contains("2 points, 1 errors", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_OneTracePerSeries_LinesOnlyUnlessMarkersAreAsked()
    {
        var line = Charts.Line([("train", [(1.0, 0.9), (2.0, 0.5)]), ("val", [(1.0, 1.0)])], "loss", "epoch", "loss").ToFigureJson();
        var trace = line["data"]![0]!;
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal("lines", (string?)trace["mode"]);
        Assert.Equal([1.0, 2.0], trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([0.9, 0.5], trace["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("val", (string?)line["data"]![1]!["name"]);
        Assert.Equal("epoch", (string?)line["layout"]!["xaxis"]!["title"]!["text"]);
        var marked = Charts.Line([("a", [(0.0, 1.0)])], markers: true).ToFigureJson()["data"]![0]!;
        Assert.Equal("lines+markers", (string?)marked["mode"]);
    }

    [Fact]
    public void TrainingCurves_PutTheValidationMIoUOnASecondAxisOverTheLoss()
    {
        var json = Charts.TrainingCurves("teacher", [(1.0, 2.0), (2.0, 1.5)], [(2.0, 0.25)]).ToFigureJson();
        var traces = json["data"]!.AsArray();
        Assert.Equal([2.0, 1.5], traces[0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("y2", (string?)traces[1]!["yaxis"]);
        Assert.Equal(0.25, (double)traces[1]!["y"]![0]!);
        Assert.Equal("y", (string?)json["layout"]!["yaxis2"]!["overlaying"]);
        Assert.Equal("right", (string?)json["layout"]!["yaxis2"]!["side"]);
        Assert.Equal("teacher: training loss and validation mIoU", (string?)json["layout"]!["title"]!["text"]);
        var lossOnly = Charts.TrainingCurves("teacher", [(1.0, 2.0)], []).ToFigureJson();
        Assert.Single(lossOnly["data"]!.AsArray());
        Assert.Equal("teacher: training loss", (string?)lossOnly["layout"]!["title"]!["text"]);
    }

    [Fact]
    public void Charts_WithMismatchedLengths_ThrowNamingTheCounts()
    {
        var bar = Assert.Throws<ArgumentException>(() => Charts.Bar(["a", "b", "c"], [1, 2]));
        Assert.Contains("3 categories, 2 values", bar.Message, StringComparison.Ordinal);
        var grouped = Assert.Throws<ArgumentException>(() => Charts.GroupedBar(["a"], [("run", [1.0, 2.0])]));
        Assert.Contains("'run'", grouped.Message, StringComparison.Ordinal);
        var heatmap = Assert.Throws<ArgumentException>(() => Charts.Heatmap(new double[2, 2], ["a", "b"], ["only one"]));
        Assert.Contains("2 y labels", heatmap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MimeBundle_HasPlotlyJsonObject_HtmlFallback_AndDescription()
    {
        var figure = Charts.Bar(["a", "b", "c"], [1, 2, 3], "per-class IoU");
        var bundle = figure.ToMimeBundle();

        Assert.Equal("Figure: bar, 3 categories — per-class IoU", bundle.Text);
        var plotly = Assert.IsType<JsonObject>(bundle.Data[ChartOutput.PlotlyMimeType]);
        Assert.Equal(figure.ToFigureJson().ToJsonString(), plotly.ToJsonString());
        var html = bundle.Data["text/html"]!.GetValue<string>();
        Assert.Matches("<div id=\"weclick-figure-[0-9a-f]{16}\"", html);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("file://", html, StringComparison.Ordinal); // the default: the installed copy
        Assert.Equal("Figure: 2 × bar, 1 categories", Charts.GroupedBar(["x"], [("a", [1.0]), ("b", [2.0])]).Describe());
    }

    [Fact]
    public void Html_IdsFollowTheContent_AndScriptEndTagsInTheDataAreEscaped()
    {
        var figure = Charts.Bar(["</script><b>"], [1], "a </script> title");
        var first = figure.ToHtml(PlotlyJs.Relative());
        var second = figure.ToHtml(PlotlyJs.Relative());
        string Id(string html) => System.Text.RegularExpressions.Regex.Match(html, "id=\"(weclick-figure-[0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEqual("", Id(first));
        // Same content → same id, so outputs are the same on every run; each script draws into its own previous sibling,
        // so two copies on one page both draw. Other content → another id.
        Assert.Equal(Id(first), Id(second));
        Assert.Contains("self.previousElementSibling", first, StringComparison.Ordinal);
        Assert.NotEqual(Id(first), Id(Charts.Bar(["x"], [2], "other").ToHtml(PlotlyJs.Relative())));
        // One closing tag only: the element's own.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(first, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.Contains("a \\u003C/script\\u003E title", first, StringComparison.Ordinal); // System.Text.Json escapes < and >
        Assert.Contains("var url = \"plotly.min.js\";", first, StringComparison.Ordinal);
        // Loads through RequireJS when an AMD loader is on the page, else with a script tag.
        Assert.Contains("window.define.amd", first, StringComparison.Ordinal);
        Assert.Contains("window.require([absolute]", first, StringComparison.Ordinal);
        Assert.Contains("document.createElement(\"script\")", first, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineMode_EmbedsTheLibrary_WithUmdBranchesDisabled()
    {
        var html = Charts.Bar(["a"], [1]).ToHtml(PlotlyJs.Inline);
        Assert.Contains("(function (define, module, exports) {", html, StringComparison.Ordinal);
        Assert.Contains("plotly.js v", html, StringComparison.Ordinal);
        Assert.Contains("var url = null;", html, StringComparison.Ordinal);
        Assert.True(html.Length > 1_000_000, "the whole library is inlined");
    }
}
