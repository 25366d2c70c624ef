using System.Text;
using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Documents;

/// <summary>Our reader and writer against Jupyter's own nbformat (python3-nbformat).</summary>
public sealed class NbformatCompatibilityTests
{
    // A notebook with every output kind, unicode, <>&, JSON MIME values, a base64 image and float metadata, written by nbformat.
    private const string WriteWithNbformat = """
import sys, nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_raw_cell, new_output
nb = new_notebook(metadata={"kernelspec": {"name": "weclick-csharp", "display_name": "C# (WeClick)", "language": "csharp"},
                            "language_info": {"name": "csharp"}, "custom": {"ratio": 0.1, "tiny": 1e-05, "big": 1e16, "n": 3, "flag": True, "none": None}})
nb.cells.append(new_markdown_cell("# Titre é ✓\n\nA <b>bold</b> & \"quoted\" line\twith tab\n"))
nb.cells.append(new_code_cell("var x = 1;\nConsole.WriteLine(x);", execution_count=1, metadata={"tags": ["parameters"]},
    outputs=[new_output("stream", name="stdout", text="1\n2\n"),
             new_output("display_data", data={"text/plain": "fig", "text/html": "<div>\n<p>a & b</p>\n</div>", "image/png": "iVBORw0KGgo=",
                                              "application/vnd.plotly.v1+json": {"data": [{"type": "bar", "y": [1, 2.5]}], "layout": {}},
                                              "image/svg+xml": "<svg>\n</svg>"}, metadata={"image/png": {"width": 640}}),
             new_output("execute_result", data={"text/plain": "42"}, execution_count=1),
             new_output("error", ename="InvalidOperationException", evalue="bad \u001b[0m", traceback=["line 1", "  at Cell 2"])]))
nb.cells.append(new_code_cell("", execution_count=None))
nb.cells.append(new_raw_cell("raw\r\nwindows\rmac"))
nbformat.write(nb, sys.argv[1])
""";

    [Fact]
    public void NotebookWrittenByNbformat_RoundTripsByteIdentically()
    {
        using var folder = new TempFolder();
        var path = folder.File("jupyter.ipynb");
        Python.Run(WriteWithNbformat, path);
        var original = File.ReadAllBytes(path);

        var notebook = NotebookDocument.Load(path);
        var written = Encoding.UTF8.GetBytes(notebook.ToJson());

        Assert.Equal(Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(written));
        Assert.Equal(original, written);
        // And the values were read, not just copied: joined text, JSON kept as JSON.
        var display = Assert.IsType<DisplayDataOutput>(notebook.Cells[1].Outputs[1]);
        Assert.Equal("<div>\n<p>a & b</p>\n</div>", display.Bundle.Data["text/html"].GetValue<string>());
        Assert.IsType<JsonObject>(display.Bundle.Data["application/vnd.plotly.v1+json"]);
        Assert.Equal("1\n2\n", Assert.IsType<StreamOutput>(notebook.Cells[1].Outputs[0]).Text);
        Assert.Equal(["parameters"], notebook.Cells[1].Tags);
    }

    [Fact]
    public void NotebookWeWrite_IsValidAndIdenticalToNbformatsOwnRewrite()
    {
        using var folder = new TempFolder();
        var path = folder.File("ours.ipynb");
        var notebook = NotebookDocument.CreateCSharp();
        notebook.Cells.Add(new NotebookCell(NotebookCellType.Markdown, "# Ünïcode <tag> & more\n\nline", "intro"));
        var code = new NotebookCell(NotebookCellType.Code, "display(fig)\nfig", "code-1") { ExecutionCount = 3 };
        code.Outputs.Add(new StreamOutput("stderr", "warn\n"));
        code.Outputs.Add(new DisplayDataOutput(new MimeBundle("Figure").With("text/html", "<div>\n</div>\n").With("image/png", "AAAA")
            .WithJson("application/vnd.plotly.v1+json", new JsonObject { ["data"] = new JsonArray(), ["layout"] = new JsonObject { ["width"] = 0.5 } })));
        code.Outputs.Add(new ExecuteResultOutput(new MimeBundle("42"), 3));
        code.Outputs.Add(new ErrorOutput(new CellError("DivideByZeroException", "Attempted to divide by zero.", ["DivideByZeroException: Attempted to divide by zero.", "   at Cell 2, line 1"])));
        code.Metadata["papermill"] = new JsonObject { ["duration"] = 1.5, ["start_time"] = "2026-01-01T00:00:00.000000", ["exception"] = false };
        notebook.Cells.Add(code);
        notebook.Cells.Add(new NotebookCell(NotebookCellType.Raw, "", "raw"));
        notebook.Save(path);

        var rewritten = Python.Run("""
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
nbformat.validate(nb)
sys.stdout.buffer.write(nbformat.writes(nb).encode("utf-8") + b"\n")
""", path);

        Assert.Equal(File.ReadAllText(path, Encoding.UTF8), rewritten);
        Assert.False(File.ReadAllBytes(path).AsSpan().StartsWith(Encoding.UTF8.Preamble), "no BOM");
        Assert.Contains("\"# Ünïcode <tag> & more\\n\"", rewritten);
        Assert.Contains("\"duration\": 1.5", rewritten);
    }
}
