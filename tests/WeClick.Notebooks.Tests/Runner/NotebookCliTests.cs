using WeClick.Notebooks.Tests.Documents;

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

    private static (int Code, string Stdout, string Stderr) Weclick(params string[] arguments)
    {
        var result = Platform.JupyterStack.Weclick(arguments, TimeSpan.FromSeconds(60));
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
