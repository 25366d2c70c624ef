using WeClick.Reports;

namespace WeClick.Core.Tests.Reports;

[Collection(PlotlyJsCollection.Name)]
public sealed class PlotlyJsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-plotlyjs-").FullName;
    private readonly string? _saved = Environment.GetEnvironmentVariable(PlotlyJs.EnvironmentVariable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(PlotlyJs.EnvironmentVariable, _saved);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Locate_FindsTheCopyBesideTheAssembly_ByDefault()
    {
        Environment.SetEnvironmentVariable(PlotlyJs.EnvironmentVariable, null);
        var path = PlotlyJs.Locate();
        Assert.Equal(Path.Combine(Path.GetDirectoryName(typeof(PlotlyJs).Assembly.Location)!, "plotly.min.js"), path);
        Assert.StartsWith("/**\n* plotly.js v", File.ReadAllText(path)[..20], StringComparison.Ordinal);
        Assert.Equal(new Uri(path).AbsoluteUri, PlotlyJs.LocalFile.ScriptUrl());
        Assert.Null(PlotlyJs.Inline.ScriptUrl());
        Assert.Equal("lib/plotly.js", PlotlyJs.Relative("lib/plotly.js").ScriptUrl());
    }

    [Fact]
    public void Locate_RespectsTheEnvironmentVariable()
    {
        var custom = Path.Combine(_folder, "my plotly.js");
        File.WriteAllText(custom, "window.Plotly = {};");
        Environment.SetEnvironmentVariable(PlotlyJs.EnvironmentVariable, custom);
        Assert.Equal(custom, PlotlyJs.Locate());
        Assert.Equal("file://" + custom.Replace(" ", "%20", StringComparison.Ordinal), PlotlyJs.LocalFile.ScriptUrl());
        Assert.Contains("window.Plotly = {};", Charts.Bar(["a"], [1]).ToHtml(PlotlyJs.Inline), StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_WithTheVariableNamingAMissingFile_SaysSoAndHowToFixIt()
    {
        var missing = Path.Combine(_folder, "nope", "plotly.min.js");
        Environment.SetEnvironmentVariable(PlotlyJs.EnvironmentVariable, missing);
        var e = Assert.Throws<FileNotFoundException>(PlotlyJs.Locate);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains("WECLICK_PLOTLYJS", e.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", e.Message, StringComparison.Ordinal);
        // Modes that need the file fail the same way; a relative URL does not need it.
        Assert.Throws<FileNotFoundException>(() => Charts.Bar(["a"], [1]).ToHtml(PlotlyJs.LocalFile));
        Assert.Throws<FileNotFoundException>(() => new HtmlReport("r").Figure(Charts.Bar(["a"], [1])).Write(Path.Combine(_folder, "report")));
        Assert.False(Directory.Exists(Path.Combine(_folder, "report")), "nothing is written when plotly.js is missing");
        Assert.Contains("plotly.min.js", Charts.Bar(["a"], [1]).ToHtml(PlotlyJs.Relative()), StringComparison.Ordinal);
    }
}
