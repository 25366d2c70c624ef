using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Tests.Documents;
using WeClick.Notebooks.Tests.Platform;

namespace WeClick.Notebooks.Tests.Polyglot;

/// <summary>
/// Polyglot Notebooks files through the real <c>weclick notebook run</c> and <c>weclick notebook convert</c> (child
/// processes, the real C# engine): C# cells give their values, other cells are skipped by name.
/// </summary>
public sealed class PolyglotCliTests
{
    [Fact]
    public void Run_PolyglotNotebook_GivesTheCSharpValues_AndNamesTheSkippedCells()
    {
        using var folder = new TempFolder();
        var output = folder.File("out.ipynb");

        var (code, stdout, stderr) = Weclick("notebook", "run", PolyglotFixtures.Tour, "-o", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("cell 2/5 (notebook cell 3): skipped: an F# cell (#!fsharp); the WeClick kernel runs C# only", stderr);
        Assert.Contains("cell 3/5 (notebook cell 4): skipped: a PowerShell cell (#!pwsh); the WeClick kernel runs C# only", stderr);
        Assert.Matches(@"^wrote .*out\.ipynb \(3 cells run, 2 skipped \(F#, PowerShell\) in [0-9.]+ s\)", stdout.Trim());
        var cells = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        Assert.Equal("60", ResultText(cells[5]!));
        Assert.Equal("hello from C#: 3 numbers", ResultText(cells[6]!));
        var skipped = Assert.Single(cells[2]!["outputs"]!.AsArray())!;
        Assert.Equal("stream", (string)skipped["output_type"]!);
        Assert.Equal("stderr", (string)skipped["name"]!);
        Assert.Equal("skipped: an F# cell (#!fsharp); the WeClick kernel runs C# only\n", Text(skipped["text"]!));
        Assert.Null(cells[2]!["execution_count"]?.GetValue<int?>());
    }

    [Fact]
    public void Run_CompileErrorAfterACSharpSelector_ReadsAsDotNetInteractive_WithTheLinesAsTyped()
    {
        using var folder = new TempFolder();
        var input = folder.File("broken.ipynb");
        var notebook = NotebookDocument.CreateCSharp();
        notebook.Cells.Add(new NotebookCell(NotebookCellType.Code, "#!csharp\nvar a = 1;\nint b = \"text\";\nundefinedName++;", "broken"));
        notebook.Save(input);

        var (code, _, stderr) = Weclick("notebook", "run", input, "-o", folder.File("out.ipynb"));

        Assert.Equal(1, code);
        string[] diagnostics =
        [
            "(3,9): error CS0029: Cannot implicitly convert type 'string' to 'int'",
            "(4,1): error CS0103: The name 'undefinedName' does not exist in the current context",
        ];
        Assert.Contains($"notebook failed at cell 1 (In [1]): Error\n{diagnostics[0]}\n{diagnostics[1]}\n", stderr);
        var error = JsonNode.Parse(File.ReadAllText(folder.File("out.ipynb")))!["cells"]![0]!["outputs"]![0]!;
        Assert.Equal("error", (string)error["output_type"]!);
        Assert.Equal("Error", (string)error["ename"]!);
        Assert.Equal(string.Join("\n", diagnostics), (string)error["evalue"]!);
        Assert.Equal(diagnostics, error["traceback"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Convert_Dib_WritesANotebookThatRuns()
    {
        using var folder = new TempFolder();
        var dib = folder.File("squares.dib");
        File.Copy(PolyglotFixtures.Squares, dib);

        var (code, stdout, stderr) = Weclick("notebook", "convert", dib);

        Assert.True(code == 0, stderr);
        var converted = folder.File("squares.ipynb");
        Assert.Equal($"wrote {converted} (5 cells: 2 C#, 1 markdown, 1 F#, 1 PowerShell (kept, skipped when run))", stdout.Trim());
        var notebook = NotebookDocument.Load(converted);
        Assert.Equal("#!fsharp\nlet squares = [ for i in 1 .. 4 -> i * i ]", notebook.Cells[2].Source);

        var run = Weclick("notebook", "run", converted, "-o", folder.File("run.ipynb"));
        Assert.True(run.Code == 0, run.Stderr);
        var cells = JsonNode.Parse(File.ReadAllText(folder.File("run.ipynb")))!["cells"]!.AsArray();
        Assert.Equal("30", ResultText(cells[4]!));
        Assert.Contains("skipped: a PowerShell cell (#!pwsh)", run.Stderr);

        var again = Weclick("notebook", "convert", dib);
        Assert.Equal(2, again.Code);
        Assert.Equal($"weclick: {converted} already exists; name it with -o to overwrite it, or pick another file.", again.Stderr.Trim());
    }

    [Fact]
    public void Convert_BadInput_OneLineErrorsNamingTheFile()
    {
        using var folder = new TempFolder();
        var missing = Weclick("notebook", "convert", folder.File("none.dib"));
        Assert.Equal((2, $"weclick: {folder.File("none.dib")}: no such file."), (missing.Code, missing.Stderr.Trim()));

        var notDib = Weclick("notebook", "convert", PolyglotFixtures.Tour);
        Assert.Equal(2, notDib.Code);
        Assert.Equal($"weclick: {PolyglotFixtures.Tour}: not a .dib file; 'notebook convert' reads Polyglot Notebooks scripts (.dib). "
            + "A Polyglot .ipynb needs no conversion: run it with 'weclick notebook run'.", notDib.Stderr.Trim());

        var broken = folder.File("broken.dib");
        File.WriteAllText(broken, "#!meta\n\n{\"kernelInfo\": {\n  \"defaultKernelName\": csharp}}\n\n#!csharp\n1\n");
        var malformed = Weclick("notebook", "convert", broken);
        Assert.Equal(2, malformed.Code);
        Assert.StartsWith($"weclick: {broken}, line 4: the #!meta block is not valid JSON (", malformed.Stderr);
        Assert.Single(malformed.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(folder.File("broken.ipynb")));

        var help = Weclick("notebook", "convert", "--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("Convert a Polyglot Notebooks script (.dib) to a notebook (.ipynb)", help.Stdout);
        Assert.Contains("-o, --output", help.Stdout);
    }

    private static string ResultText(JsonNode cell)
    {
        var result = cell["outputs"]!.AsArray().Single(o => (string)o!["output_type"]! == "execute_result")!;
        return Text(result["data"]!["text/plain"]!);
    }

    private static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string)node!;

    private static (int Code, string Stdout, string Stderr) Weclick(params string[] arguments)
    {
        var result = JupyterStack.Weclick(arguments, TimeSpan.FromSeconds(120));
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
