using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Tests.Documents;

public sealed class NotebookReaderTests
{
    // nbformat 4.2 as TorchSharp's tutorials have it: string sources, no ids, outputs with line lists.
    private const string OldNotebook = """
{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": "# Title\nText"},
  {"cell_type": "code", "execution_count": 2, "metadata": {"trusted": true}, "source": ["var a = 1;\n", "a"],
   "outputs": [{"output_type": "execute_result", "execution_count": 2, "metadata": {}, "data": {"text/plain": ["1\n", "2"], "application/json": ["not", "joined"]}}]},
  {"cell_type": "code", "execution_count": null, "metadata": {}, "source": "var a = 1;\n", "outputs": []}
 ],
 "metadata": {"language_info": {"name": "C#"}, "orig_nbformat": 3},
 "nbformat": 4,
 "nbformat_minor": 2
}
""";

    [Fact]
    public void OldMinorVersion_StringSourcesAndMissingIds_AreReadAndUpgraded()
    {
        var notebook = NotebookDocument.Parse(OldNotebook, "old.ipynb");

        Assert.Equal(2, notebook.NbFormatMinor);
        Assert.Equal("# Title\nText", notebook.Cells[0].Source);
        Assert.Equal("var a = 1;\na", notebook.Cells[1].Source);
        Assert.Equal(2, notebook.Cells[1].ExecutionCount);
        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(notebook.Cells[1].Outputs));
        Assert.Equal("1\n2", result.Bundle.Text);
        Assert.IsType<JsonArray>(result.Bundle.Data["application/json"]); // JSON MIME values are never rejoined
        Assert.All(notebook.Cells, c => Assert.True(CellIds.IsValid(c.Id)));
        Assert.Equal(3, notebook.Cells.Select(c => c.Id).Distinct().Count());

        // Stable: the same file gives the same ids; written as 4.5 without transient keys.
        var again = NotebookDocument.Parse(OldNotebook, "old.ipynb");
        Assert.Equal(notebook.Cells.Select(c => c.Id), again.Cells.Select(c => c.Id));
        var json = notebook.ToJson();
        Assert.Contains("\"nbformat_minor\": 5", json);
        Assert.DoesNotContain("orig_nbformat", json);
        Assert.DoesNotContain("trusted", json);
        Assert.Contains($"\"id\": \"{notebook.Cells[2].Id}\"", json);
    }

    [Fact]
    public void DuplicateIds_KeepTheFirstAndRenameTheRest()
    {
        var json = """{"cells": [{"cell_type": "raw", "id": "same", "metadata": {}, "source": "a"}, {"cell_type": "raw", "id": "same", "metadata": {}, "source": "b"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";
        var notebook = NotebookDocument.Parse(json, "dup.ipynb");
        Assert.Equal("same", notebook.Cells[0].Id);
        Assert.NotEqual("same", notebook.Cells[1].Id);
        Assert.True(CellIds.IsValid(notebook.Cells[1].Id));
    }

    [Theory]
    [InlineData("{\"cells\": [", "bad.ipynb: not valid JSON (line 1")]
    [InlineData("{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: cells: missing")]
    [InlineData("[]", "bad.ipynb: (root): expected a JSON object")]
    [InlineData("{\"cells\": [], \"nbformat\": 3, \"nbformat_minor\": 0}", "bad.ipynb: nbformat: version 3 is not supported")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\"}, {\"cell_type\": \"code\", \"source\": 5}], \"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: cells[1].source: expected a string or a list of strings, found the number 5")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\", 1]}], \"nbformat\": 4}", "bad.ipynb: cells[0].source[1]: expected a string")]
    [InlineData("{\"cells\": [{\"cell_type\": \"sql\", \"source\": \"\"}], \"nbformat\": 4}", "bad.ipynb: cells[0].cell_type: unknown cell type 'sql'")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"id\": \"a b\", \"source\": \"\"}], \"nbformat\": 4}", "bad.ipynb: cells[0].id: 'a b' is not a valid cell id")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\"}]}], \"nbformat\": 4}", "bad.ipynb: cells[0].outputs[0].text: missing")]
    public void BadInput_ErrorNamesTheFileAndThePath(string json, string expected)
    {
        var error = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse(json, "bad.ipynb"));
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => NotebookDocument.Load("/nonexistent/x.ipynb"));
        Assert.Contains("/nonexistent/x.ipynb", error.Message);
    }

    [Fact]
    public void Save_WritesAtomicallyAndRejectsDuplicateIds()
    {
        using var folder = new TempFolder();
        var path = folder.File("nb.ipynb");
        var notebook = NotebookDocument.CreateCSharp();
        notebook.Cells.Add(new NotebookCell(NotebookCellType.Code, "1", "a"));
        notebook.Save(path);
        var before = File.ReadAllText(path);

        notebook.Cells.Add(new NotebookCell(NotebookCellType.Code, "2", "a"));
        var error = Assert.Throws<InvalidOperationException>(() => notebook.Save(path));
        Assert.Contains("cells[1].id: 'a' is used by an earlier cell", error.Message);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path)); // no temporary file left
        Assert.Contains("\"name\": \"weclick-csharp\"", before);
    }
}
