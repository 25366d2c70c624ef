using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Runner;
using WeClick.Notebooks.Tests.Runner;

namespace WeClick.Notebooks.Tests.Polyglot;

/// <summary>The headless runner on Polyglot notebooks, with a scripted engine: which cells run, which are skipped and how that shows.</summary>
public sealed class PolyglotRunnerTests
{
    private static Task<NotebookRunResult> Run(NotebookDocument notebook, ScriptedExecutor executor, List<NotebookRunProgress>? progress = null) =>
        NotebookRunner.RunAsync(notebook, new NotebookRunOptions { InputPath = "polyglot.ipynb" }, executor,
            progress is null ? null : new ListProgress(progress), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task RunAsync_PolyglotNotebook_RunsCSharpCells_AndReportsOthersSkippedByName()
    {
        var notebook = NotebookDocument.Load(PolyglotFixtures.Tour);
        var executor = new ScriptedExecutor();
        var progress = new List<NotebookRunProgress>();

        var result = await Run(notebook, executor, progress);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Warnings);
        // The #!csharp and #!c# lines are blanked, not removed: the engine sees the cell's lines where the user typed them.
        Assert.Equal(["\nvar greeting = \"hello from C#\";\nvar numbers = new[] { 1, 2, 3 };", "numbers.Sum() * 10", "\n$\"{greeting}: {numbers.Length} numbers\""],
            executor.Executed);
        Assert.Equal([1, 2, 3, 5, 6], result.Cells.Select(c => c.CellIndex));
        Assert.Equal([null, "F#", "PowerShell", null, null], result.Cells.Select(c => c.Skipped?.LanguageName));

        var fsharp = result.Notebook.Cells[2];
        var output = Assert.IsType<StreamOutput>(Assert.Single(fsharp.Outputs)); // the old F# output is replaced by the skip line
        Assert.Equal("stderr", output.Name);
        Assert.Equal("skipped: an F# cell (#!fsharp); the WeClick kernel runs C# only\n", output.Text);
        Assert.Null(fsharp.ExecutionCount);
        Assert.Equal("skipped", (string)fsharp.Metadata["papermill"]!["status"]!);
        Assert.Equal("skipped: a PowerShell cell (#!pwsh); the WeClick kernel runs C# only\n",
            Assert.IsType<StreamOutput>(Assert.Single(result.Notebook.Cells[3].Outputs)).Text);
        Assert.Equal([1, 2, 3], new[] { 1, 5, 6 }.Select(i => result.Notebook.Cells[i].ExecutionCount));

        var skippedReports = progress.Where(p => p.Skipped is not null).ToList();
        Assert.Equal([(2, 2, 5), (3, 3, 5)], skippedReports.Select(p => (p.CellIndex, p.CodeCellNumber, p.CodeCellCount)));
        Assert.All(skippedReports, p => Assert.True(p.Finished));
        Assert.Equal(["fsharp", "pwsh"], skippedReports.Select(p => p.Skipped!.Name));
    }

    [Fact]
    public async Task RunAsync_FSharpDefaultNotebookWithACSharpCell_RunsItAndWarns()
    {
        var notebook = FSharpNotebook("let x = 1", "#!csharp\nprint:from C#");
        var executor = new ScriptedExecutor();

        var result = await Run(notebook, executor);

        Assert.Equal(["\nprint:from C#"], executor.Executed);
        Assert.Equal("F#", result.Cells[0].Skipped!.LanguageName);
        Assert.Equal(
            ["the notebook's default kernel is F# (kernelspec '.net-fsharp'): only its C# cells run (those starting with #!csharp or marked csharp in their metadata); its 1 other code cell(s) are skipped."],
            result.Warnings);
    }

    [Fact]
    public async Task RunAsync_FSharpDefaultNotebook_RunsTheInjectedParametersAsCSharp()
    {
        var notebook = FSharpNotebook("#!csharp\nvar n = 1;", "#!csharp\nprint:ran");
        notebook.Cells[0].Metadata["tags"] = new JsonArray("parameters");
        var executor = new ScriptedExecutor();

        var result = await NotebookRunner.RunAsync(notebook, new NotebookRunOptions { Parameters = [NotebookParameter.Parse("n=2")] }, executor, null,
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["\nvar n = 1;", "// Parameters\nvar n = 2;\n", "\nprint:ran"], executor.Executed);
        Assert.All(result.Cells, c => Assert.Null(c.Skipped));
    }

    [Fact]
    public async Task RunAsync_NoCSharpCellAtAll_ThrowsNamingTheFileAndLanguages_AndRunsNothing()
    {
        var executor = new ScriptedExecutor();

        var error = await Assert.ThrowsAsync<NotebookFormatException>(() => Run(FSharpNotebook("let x = 1", "#!pwsh\nGet-Date"), executor));

        Assert.Equal(
            "polyglot.ipynb: its default kernel is F# (kernelspec '.net-fsharp') and none of its 2 code cell(s) is C# (F#, PowerShell); "
            + "the WeClick kernel runs C# only. Open it with a kernel for its language, or start the cells that should run here with a #!csharp line.",
            error.Message);
        Assert.Empty(executor.Executed);
    }

    [Fact]
    public void Runs_IsFalseForOtherLanguages_AndTrueForCSharpCellsOfAnFSharpNotebook()
    {
        var notebook = FSharpNotebook("let x = 1", "#!csharp\nvar y = 2;", "  ");

        Assert.Equal([false, true, false], notebook.Cells.Select(c => NotebookRunner.Runs(notebook, c)));
    }

    private static NotebookDocument FSharpNotebook(params string[] sources)
    {
        var notebook = new NotebookDocument
        {
            Metadata = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (F#)", ["language"] = "F#", ["name"] = ".net-fsharp" },
                ["language_info"] = new JsonObject { ["name"] = "F#" },
            },
        };
        notebook.Cells.AddRange(sources.Select((s, i) => new NotebookCell(NotebookCellType.Code, s, $"cell{i}")));
        return notebook;
    }

    private sealed class ListProgress(List<NotebookRunProgress> list) : IProgress<NotebookRunProgress>
    {
        public void Report(NotebookRunProgress value) => list.Add(value);
    }
}
