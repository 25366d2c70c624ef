using System.Diagnostics;
using WeClick.Notebooks.Tests.Documents;

namespace WeClick.Notebooks.Tests.Runner;

/// <summary>The <c>weclick notebook</c> commands that need no engine, run as the real command in a child process.</summary>
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
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(CliDirectory(), "weclick.dll"));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"weclick {string.Join(' ', arguments)} did not finish within 60 s.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    // The CLI built with this test project: src/WeClick.Cli/bin/<Configuration>/net10.0.
    private static string CliDirectory()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "WeClick.Research.sln")))
        {
            root = root.Parent;
        }
        return Path.Combine(root?.FullName ?? throw new InvalidOperationException($"No WeClick.Research.sln above {here}."), "src", "WeClick.Cli", "bin", configuration, "net10.0");
    }
}
