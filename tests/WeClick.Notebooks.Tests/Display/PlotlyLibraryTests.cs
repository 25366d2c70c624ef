using WeClick.Notebooks.Execution;
using WeClick.Notebooks.Tests.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Display;

public sealed class PlotlyLibraryTests
{
    [Fact]
    public async Task FirstFigureOfASession_IsPrecededByPlotlyJsOnce_SoServedPagesDrawIt()
    {
        using var executor = new CSharpCellExecutor();
        var first = new RecordingSink();
        var outcome = await ExecutorTesting.RunOk(executor, "WeClick.Reports.Charts.Bar(new[] { \"a\", \"b\" }, new[] { 1.0, 2.0 })", first);
        Assert.True(outcome.Result!.Data.ContainsKey(ChartOutput.PlotlyMimeType));
        var library = Assert.Single(first.Outputs.OfType<DisplayOutput>());
        Assert.Null(library.DisplayId);
        var script = library.Bundle.Data["text/html"]!.GetValue<string>();
        Assert.StartsWith("<script type=\"text/javascript\">\nif (!window.Plotly)", script, StringComparison.Ordinal);
        Assert.True(script.Length > 1_000_000, $"the inlined plotly.js is only {script.Length} characters");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(script, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

        // Later figures, displayed or returned, come without it.
        var second = new RecordingSink();
        await ExecutorTesting.RunOk(executor, "display(WeClick.Reports.Charts.Bar(new[] { \"c\" }, new[] { 3.0 }));\nWeClick.Reports.Charts.Bar(new[] { \"d\" }, new[] { 4.0 })", second);
        var shown = Assert.Single(second.Outputs.OfType<DisplayOutput>());
        Assert.True(shown.Bundle.Data.ContainsKey(ChartOutput.PlotlyMimeType));
    }
}
