using WeClick.Reports;

namespace WeClick.Core.Tests.Reports;

[Collection(PlotlyJsCollection.Name)]
public sealed class HtmlReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FiguresAndTables_CopyPlotlyIntoTheFolder_AndThePageReferencesItRelatively()
    {
        var report = new HtmlReport("Run <1>")
            .Table(new Table(["class", "IoU"], [["a|b", 0.5]], decimals: 2))
            .Figure(Charts.Bar(["road", "sky"], [0.9, 0.8], "per-class IoU"))
            .BarChart("IoU", ["road"], [("teacher", [0.9])], interactive: true);
        var index = report.Write(_folder);

        var copied = Path.Combine(_folder, "plotly.min.js");
        Assert.True(File.Exists(copied));
        Assert.Equal(File.ReadAllBytes(PlotlyJs.Locate()), File.ReadAllBytes(copied));
        var page = File.ReadAllText(index);
        Assert.Contains("var url = \"plotly.min.js\";", page, StringComparison.Ordinal);
        Assert.DoesNotContain("file://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "Plotly.newPlot").Count);
        Assert.Contains("<noscript><figure><svg", page, StringComparison.Ordinal); // the SVG stays as the no-script fallback
        Assert.Contains("<td style=\"text-align:right\">0.50</td>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Run &lt;1&gt;</title>", page, StringComparison.Ordinal);
        var markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.Contains("| a\\|b | 0.50 |", markdown, StringComparison.Ordinal);
        Assert.Contains("*Figure: bar, 2 categories — per-class IoU (interactive in index.html)*", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AReportWithoutFigures_HasNoScriptAndNoPlotlyCopy()
    {
        new HtmlReport("plain").Table(["a"], [["1"]]).BarChart("IoU", ["road"], [("teacher", [0.9])]).Write(_folder);
        Assert.False(File.Exists(Path.Combine(_folder, "plotly.min.js")));
        Assert.DoesNotContain("<script", File.ReadAllText(Path.Combine(_folder, "index.html")), StringComparison.Ordinal);
    }
}
