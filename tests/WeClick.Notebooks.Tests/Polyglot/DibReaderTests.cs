using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Tests.Polyglot;

/// <summary>Polyglot Notebooks scripts (.dib) read as .NET Interactive's CodeSubmission.Parse reads them.</summary>
public sealed class DibReaderTests
{
    [Fact]
    public void Load_SplitsCellsAtSelectors_KeepsOtherKernelsWithTheirLine_AndTheKernelList()
    {
        var notebook = DibReader.Load(PolyglotFixtures.Squares);

        Assert.Equal(
            [NotebookCellType.Markdown, NotebookCellType.Code, NotebookCellType.Code, NotebookCellType.Code, NotebookCellType.Code],
            notebook.Cells.Select(c => c.CellType));
        Assert.Equal("# A Polyglot script\n\nSquares in C#, and the same in F# and PowerShell, which the WeClick kernel skips.", notebook.Cells[0].Source);
        Assert.Equal("#!time\nvar squares = Enumerable.Range(1, 4).Select(i => i * i).ToList();", notebook.Cells[1].Source); // a magic, not a selector
        Assert.Equal("#!fsharp\nlet squares = [ for i in 1 .. 4 -> i * i ]", notebook.Cells[2].Source);
        Assert.Equal("#!pwsh\n1..4 | ForEach-Object { $_ * $_ }", notebook.Cells[3].Source);
        Assert.Equal("squares.Sum()", notebook.Cells[4].Source);
        Assert.Equal(["csharp", "fsharp", "pwsh", "csharp"],
            notebook.Cells.Skip(1).Select(c => (string)c.Metadata["polyglot_notebook"]!["kernelName"]!));
        Assert.Equal(["csharp", "fsharp", "pwsh", "csharp"],
            notebook.Cells.Skip(1).Select(c => (string)c.Metadata["dotnet_interactive"]!["language"]!));
        Assert.Equal(["csharp", "fsharp", "pwsh", "csharp"], notebook.Cells.Skip(1).Select(c => CellLanguage.Of(notebook, c).Name));
        Assert.Equal("weclick-csharp", (string)notebook.Metadata["kernelspec"]!["name"]!);
        Assert.Equal("csharp", (string)notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        Assert.Equal(5, notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["items"]!.AsArray().Count);
        Assert.Equal(notebook.Cells.Count, notebook.Cells.Select(c => c.Id).Distinct().Count());
        Assert.All(notebook.Cells, c => Assert.True(CellIds.IsValid(c.Id)));
    }

    [Fact]
    public void Parse_WithoutMeta_StartsInCSharp_AndDropsEmptyCells_AsDotNetInteractive()
    {
        var notebook = DibReader.Parse("var a = 1;\r\n\r\n#!markdown\r\n\r\n\r\n#!c#\r\n\r\na + 1\r\n\r\n#!f#\r\n  \r\nlet b = 2\r\n", "x.dib");

        Assert.Equal(["var a = 1;", "a + 1", "#!fsharp\n  \nlet b = 2"], notebook.Cells.Select(c => c.Source));
        Assert.Equal([true, true, false], notebook.Cells.Select(c => CellLanguage.Of(notebook, c).IsCSharp));
        Assert.Null(notebook.Metadata["polyglot_notebook"]);
    }

    [Fact]
    public void Parse_MetaDefaultKernel_OwnsTheTextBeforeTheFirstSelector()
    {
        // The #!meta JSON runs up to the next #! line; a magic that selects no kernel (#!time) starts the default kernel's text.
        var notebook = DibReader.Parse("#!meta\n{\"kernelInfo\": {\"defaultKernelName\": \"fsharp\"}}\n#!time\nlet x = 1\n\n#!csharp\nvar y = 2;", "fs.dib");

        Assert.Equal(["#!fsharp\n#!time\nlet x = 1", "var y = 2;"], notebook.Cells.Select(c => c.Source));
    }

    [Fact]
    public void Parse_MalformedMeta_NamesFileAndLine()
    {
        var error = Assert.Throws<NotebookFormatException>(() =>
            DibReader.Parse("#!meta\n\n{\"kernelInfo\": {\"defaultKernelName\": \"csharp\",\n  \"items\": [}\n\n#!csharp\n1", "broken.dib"));

        Assert.StartsWith("broken.dib, line 4: the #!meta block is not valid JSON (", error.Message);
        Assert.EndsWith("Fix it, or delete the block (it only lists the notebook's kernels).", error.Message);

        var notObject = Assert.Throws<NotebookFormatException>(() => DibReader.Parse("#!meta\n[1, 2]\n#!csharp\n1", "list.dib"));
        Assert.StartsWith("list.dib, line 2: the #!meta block should be a JSON object", notObject.Message);
    }

    [Fact]
    public void Converted_WritesAndReadsBackAsTheSameNotebook()
    {
        var notebook = DibReader.Load(PolyglotFixtures.Squares);

        var reread = NotebookDocument.Parse(notebook.ToJson(), "squares.ipynb");

        Assert.Equal(notebook.Cells.Select(c => (c.CellType, c.Source, c.Id)), reread.Cells.Select(c => (c.CellType, c.Source, c.Id)));
        Assert.True(JsonNode.DeepEquals(notebook.Metadata, reread.Metadata));
    }
}
