using WeClick.Notebooks.Packages;

namespace WeClick.Notebooks.Tests.Packages;

public sealed class PackageDirectiveTests
{
    [Fact]
    public void Extract_ReadsEachForm_AndLeavesTheirLinesEmpty()
    {
        var code = "#r \"nuget: Humanizer.Core\"\n#r \"nuget:Plotly.NET.CSharp, 0.14.0\"\n  #i \"nuget: https://example.org/v3/index.json\"\n#r \"lib/x.dll\"\nvar x = 1;";

        var (rest, directives) = PackageDirective.Extract(code);

        Assert.Equal(
            [
                new PackageDirective(1, false, "Humanizer.Core", null),
                new PackageDirective(2, false, "Plotly.NET.CSharp", "0.14.0"),
                new PackageDirective(3, true, "https://example.org/v3/index.json", null),
            ], directives);
        Assert.Equal("\n\n\n#r \"lib/x.dll\"\nvar x = 1;", rest); // same line count: compile errors keep their line numbers
    }

    [Fact]
    public void Extract_KeepsTheCommaOfAVersionRange()
    {
        var (_, directives) = PackageDirective.Extract("#r \"nuget: Newtonsoft.Json, [13.0, 14.0)\"");

        Assert.Equal("[13.0, 14.0)", Assert.Single(directives).Version);
    }

    [Fact]
    public void Extract_LeavesCodeWithoutDirectivesAsItIs()
    {
        const string code = "// #r \"nuget: X\" in a comment is not a directive\nvar s = \"#r \\\"nuget: X\\\"\";";

        var (rest, directives) = PackageDirective.Extract(code);

        Assert.Empty(directives);
        Assert.Same(code, rest);
    }

    [Theory]
    [InlineData("#r \"nuget: \"", "names no package id")]
    [InlineData("#r \"nuget: Humanizer.Core, \"", "empty version")]
    [InlineData("#r \"nuget: A, 1.0, 2.0\"", "more than one comma")]
    [InlineData("#i \"nuget:  \"", "names no package source")]
    public void Extract_ThrowsForAMalformedDirective_QuotingItsLine(string line, string problem)
    {
        var error = Assert.Throws<FormatException>(() => PackageDirective.Extract("var a = 1;\n" + line));

        Assert.Contains("line 2", error.Message);
        Assert.Contains(line.Trim(), error.Message);
        Assert.Contains(problem, error.Message);
    }
}
