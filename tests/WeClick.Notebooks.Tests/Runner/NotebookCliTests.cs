using WeClick.Notebooks.Tests.Documents;
using WeClick.Notebooks.Tests.Kernel;

namespace WeClick.Notebooks.Tests.Runner;

/// <summary>The <c>weclick notebook</c> commands' bad-input paths and <c>params</c>, run as the real command in a child process (full runs: Platform/NotebookExecutionTests).</summary>
public sealed class NotebookCliTests
{
    [Fact]
    public void Run_MissingFile_OneLineErrorAndExitCode2()
    {
        var (code, stdout, stderr) = Weclick("notebook", "run", "/nonexistent/folder/nb.ipynb", "-p", "epochs=2");
        Assert.Equal(2, code);
        Assert.Equal("weclick: /nonexistent/folder/nb.ipynb: no such notebook file.", stderr.Trim());
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Run_InvalidJson_OneLineErrorNamingTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.ipynb");
        File.WriteAllText(path, "{\"cells\": [}");
        var (code, _, stderr) = Weclick("notebook", "run", path);
        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"weclick: {path}: not valid JSON (line 1", stderr);
    }

    [Fact]
    public void Params_ListsNamesTypesDefaultsAndComments()
    {
        using var folder = new TempFolder();
        var path = folder.File("p.ipynb");
        File.WriteAllText(path, """
{"cells": [
  {"cell_type": "markdown", "metadata": {}, "source": "# Run"},
  {"cell_type": "code", "execution_count": null, "metadata": {"tags": ["parameters"]}, "outputs": [],
   "source": ["// Parameters\n", "var epochs = 3; // training epochs\n", "double lr = 1e-3;\n", "string dataset = \"davis\";\n"]}
 ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
""");
        var (code, stdout, _) = Weclick("notebook", "params", path);
        Assert.Equal(0, code);
        Assert.Equal(
            ["name     type    default", "epochs   var     3  // training epochs", "lr       double  1e-3", "dataset  string  \"davis\""],
            stdout.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Run_WithoutPlotlyJs_WarnsBeforeTheFirstCell_AndFiguresKeepTheirPlotlyJson()
    {
        using var folder = new TempFolder();
        var path = folder.File("chart.ipynb");
        File.WriteAllText(path, """
{"cells": [
  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
   "source": ["Console.WriteLine(\"cell ran\");\n", "WeClick.Reports.Charts.Bar(new[] { \"road\", \"sky\" }, new[] { 0.25, 0.75 })"]}
 ], "metadata": {"kernelspec": {"name": "weclick-csharp", "display_name": "C# (WeClick)", "language": "csharp"}}, "nbformat": 4, "nbformat_minor": 5}
""");
        var missing = folder.File("nowhere/plotly.min.js");

        var result = KernelFixtures.Run(Platform.JupyterStack.CliExecutable, ["notebook", "run", path, "-o", folder.File("out.ipynb")],
            TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["WECLICK_PLOTLYJS"] = missing, ["NO_COLOR"] = "1" });

        Assert.True(result.ExitCode == 0, result.Stderr);
        var warning = result.Stderr.IndexOf("weclick: warning: figures will show as Plotly JSON", StringComparison.Ordinal);
        Assert.True(warning >= 0, result.Stderr);
        Assert.Contains($"WECLICK_PLOTLYJS names '{missing}'", result.Stderr);
        var outputs = Platform.JupyterStack.Outputs(folder.File("out.ipynb"))[0]!["outputs"]!.AsArray();
        var figure = outputs.Single(o => o!["data"]?["application/vnd.plotly.v1+json"] is not null)!["data"]!;
        Assert.Equal("[0.25,0.75]", figure["application/vnd.plotly.v1+json"]!["data"]![0]!["y"]!.ToJsonString());
        Assert.Contains("This figure cannot be drawn here:", (string?)figure["text/html"]);
        Assert.Equal(2, outputs.Count); // the cell's line and its figure; no plotly.js library output
    }

    private static (int Code, string Stdout, string Stderr) Weclick(params string[] arguments)
    {
        var result = Platform.JupyterStack.Weclick(arguments, TimeSpan.FromSeconds(60));
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
