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
        var json = figure.ToJson();

        var data = json["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.All(data, t => Assert.Equal("bar", (string?)t!["type"]));
        Assert.Equal(["teacher", "student"], data.Select(t => (string?)t!["name"]));
        Assert.Equal(["road", "sky"], data[0]!["x"]!.AsArray().Select(v => (string?)v));
        Assert.Equal([0.5, 0.25], data[0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Null(data[1]!["y"]![1]); // NaN → null: a gap, and JSON has no NaN
        Assert.Equal("v", (string?)data[0]!["orientation"]);
        var layout = json["layout"]!;
        Assert.Equal("group", (string?)layout["barmode"]);
        Assert.Equal("per-class IoU", (string?)layout["title"]!["text"]);
        Assert.Equal("IoU", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.True((bool)json["config"]!["responsive"]!);
    }

    [Fact]
    public void HorizontalBar_SwapsAxes_AndCarriesText()
    {
        var trace = new BarTrace(["a", "b"], [1, 2]) { Horizontal = true, Text = ["1.0", "2.0"], Color = "#123456" }.ToJson();
        Assert.Equal("h", (string?)trace["orientation"]);
        Assert.Equal(["a", "b"], trace["y"]!.AsArray().Select(v => (string?)v));
        Assert.Equal([1.0, 2.0], trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(["1.0", "2.0"], trace["text"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("#123456", (string?)trace["marker"]!["color"]);
    }

    [Fact]
    public void ErrorBars_AreSymmetricDataArrays_OnePerPoint()
    {
        var bar = new BarTrace(["a", "b"], [1, 2]) { Errors = [0.1, double.NaN] }.ToJson();
        Assert.Equal("data", (string?)bar["error_y"]!["type"]);
        Assert.Equal([0.1, null], bar["error_y"]!["array"]!.AsArray().Select(v => (double?)v));
        Assert.True((bool)bar["error_y"]!["visible"]!);
        Assert.NotNull(new BarTrace(["a"], [1]) { Horizontal = true, Errors = [0.5] }.ToJson()["error_x"]);
        Assert.Equal([0.5], new ScatterTrace([1], [2]) { Errors = [0.5] }.ToJson()["error_y"]!["array"]!.AsArray().Select(v => (double)v!));
        var mismatch = Assert.Throws<ArgumentException>(() => new BarTrace(["a", "b"], [1, 2]) { Errors = [0.1] }.ToJson());
        Assert.Contains("2 points, 1 errors", mismatch.Message);
    }

    [Fact]
    public void ScatterModes_LineDash_AndLabelledPoints()
    {
        var line = Charts.Line([("train", [(1.0, 0.9), (2.0, 0.5)])], "loss", "epoch", "loss").ToJson();
        var trace = line["data"]![0]!;
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal("lines", (string?)trace["mode"]);
        Assert.Equal([1.0, 2.0], trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("epoch", (string?)line["layout"]!["xaxis"]!["title"]!["text"]);

        var points = Charts.Scatter([("DeepLab", 12.5, 0.7), ("student", 150, 0.6)], "accuracy vs speed", "FPS", "mIoU").ToJson()["data"]![0]!;
        Assert.Equal("markers+text", (string?)points["mode"]);
        Assert.Equal(["DeepLab", "student"], points["text"]!.AsArray().Select(v => (string?)v));

        var dashed = new ScatterTrace([0], [1]) { Dash = LineDash.Dash, Color = "red", MarkerSize = 9 }.ToJson();
        Assert.Equal("lines+markers", (string?)dashed["mode"]);
        Assert.Equal("dash", (string?)dashed["line"]!["dash"]);
        Assert.Equal("red", (string?)dashed["line"]!["color"]);
        Assert.Equal(9.0, (double)dashed["marker"]!["size"]!);
        var markers = new ScatterTrace([0], [1]) { Mode = ScatterMode.Markers }.ToJson();
        Assert.Equal("markers", (string?)markers["mode"]);
        Assert.False(markers.ContainsKey("line")); // plotly rejects a line container on a markers-only trace
    }

    [Fact]
    public void Traces_WithMismatchedLengths_ThrowNamingTheCounts()
    {
        var bar = Assert.Throws<ArgumentException>(() => new Figure(new BarTrace(["a", "b", "c"], [1, 2])).ToJson());
        Assert.Contains("3 categories, 2 values", bar.Message, StringComparison.Ordinal);
        var grouped = Assert.Throws<ArgumentException>(() => Charts.GroupedBar(["a"], [("run", [1.0, 2.0])]));
        Assert.Contains("'run'", grouped.Message, StringComparison.Ordinal);
        var heatmap = Assert.Throws<ArgumentException>(() => Charts.Heatmap(new double[2, 2], ["a", "b"], ["only one"]));
        Assert.Contains("2 y labels", heatmap.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FigureLayout().Axis("z3"));
    }

    [Fact]
    public void MimeBundle_HasPlotlyJsonObject_HtmlFallback_AndDescription()
    {
        var figure = Charts.Bar(["a", "b", "c"], [1, 2, 3], "per-class IoU");
        var bundle = figure.ToMimeBundle();

        Assert.Equal("Figure: bar, 3 categories — per-class IoU", bundle.Text);
        var plotly = Assert.IsType<JsonObject>(bundle.Data[Figure.PlotlyMimeType]);
        Assert.Equal(figure.ToJson().ToJsonString(), plotly.ToJsonString());
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
