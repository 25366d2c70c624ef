using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Tests.Polyglot;

/// <summary>Which kernel a cell is for, as Polyglot Notebooks decides it (<see cref="CellLanguage"/>).</summary>
public sealed class CellLanguageTests
{
    [Fact]
    public void Of_PolyglotNotebook_FollowsSelectorLineThenCellMetadataThenDefault()
    {
        var notebook = NotebookDocument.Load(PolyglotFixtures.Tour);

        var kernels = notebook.Cells.Where(c => c.CellType == NotebookCellType.Code).Select(c => CellLanguage.Of(notebook, c).Name);

        // #!csharp; #!fsharp; pwsh from metadata only; polyglot_notebook.kernelName (csharp) over dotnet_interactive (fsharp); #!c#.
        Assert.Equal(["csharp", "fsharp", "pwsh", "csharp", "csharp"], kernels);
        Assert.Equal(CellKernel.CSharp, CellLanguage.DefaultOf(notebook));
    }

    [Fact]
    public void Of_SelectorLineOverridesCellMetadata_AndOtherMagicsSelectNothing()
    {
        var notebook = NotebookDocument.CreateCSharp();
        var fsharpByLine = Cell("#!fsharp\nlet x = 1", "csharp");
        var shareMagic = Cell("#!share --from fsharp x\nx", "csharp");
        var plain = Cell("1 + 1", null);
        var legacy = Cell("Get-Date", null);
        legacy.Metadata["dotnet_interactive"] = new JsonObject { ["language"] = "powershell" };

        Assert.Equal("fsharp", CellLanguage.Of(notebook, fsharpByLine).Name);
        Assert.True(CellLanguage.Of(notebook, shareMagic).IsCSharp);
        Assert.True(CellLanguage.Of(notebook, plain).IsCSharp);
        Assert.Equal(new CellKernel("pwsh", "PowerShell"), CellLanguage.Of(notebook, legacy));
    }

    [Fact]
    public void DefaultOf_ReadsKernelInfoThenDotNetKernelspecThenLanguageInfo()
    {
        var fsharpSpec = NotebookDocument.Parse("""
            {"cells": [], "metadata": {"kernelspec": {"display_name": ".NET (F#)", "language": "F#", "name": ".net-fsharp"},
             "language_info": {"name": "polyglot-notebook"}}, "nbformat": 4, "nbformat_minor": 5}
            """, "fs.ipynb");
        var python = NotebookDocument.Parse("""{"cells": [], "metadata": {"language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}""", "py.ipynb");
        var ours = NotebookDocument.CreateCSharp();
        var pwshDefault = NotebookDocument.CreateCSharp();
        pwshDefault.Metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "pwsh" } };

        Assert.Equal(new CellKernel("fsharp", "F#"), CellLanguage.DefaultOf(fsharpSpec));
        Assert.Equal(new CellKernel("python", "Python"), CellLanguage.DefaultOf(python));
        Assert.Equal(CellKernel.CSharp, CellLanguage.DefaultOf(ours));
        Assert.Equal("pwsh", CellLanguage.DefaultOf(pwshDefault).Name);
        Assert.Equal(CellKernel.CSharp, CellLanguage.DefaultOf(new NotebookDocument()));
    }

    [Fact]
    public void OfCode_KnowsEveryKernelSelectorAndAlias_ElseCSharp()
    {
        Assert.Equal("fsharp", CellLanguage.OfCode("#!f#\nlet x = 1").Name);
        Assert.Equal("pwsh", CellLanguage.OfCode("#!powershell\nGet-Date").Name);
        Assert.Equal("javascript", CellLanguage.OfCode("#!js\nconsole.log(1)").Name);
        Assert.Equal("markdown", CellLanguage.OfCode("#!markdown\n# Title").Name);
        Assert.Equal("html", CellLanguage.OfCode("#!html\r\n<b>x</b>").Name);
        foreach (var name in new[] { "mermaid", "sql", "kql", "value" })
        {
            Assert.Equal(name, CellLanguage.OfCode($"#!{name}\nx").Name);
        }
        Assert.True(CellLanguage.OfCode("#!csharp\nvar x = 1;").IsCSharp);
        Assert.True(CellLanguage.OfCode("#!time\nvar x = 1;").IsCSharp);
        Assert.True(CellLanguage.OfCode("var x = 1; // #!fsharp").IsCSharp);
        Assert.True(CellLanguage.OfCode("\n#!fsharp").IsCSharp); // only the first line selects, as in .NET Interactive
    }

    [Fact]
    public void SelectorOf_KnowsKernelsTheNotebookLists()
    {
        var metadata = new JsonObject
        {
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["items"] = new JsonArray(new JsonObject { ["name"] = "telemetry", ["aliases"] = new JsonArray("tel"), ["languageName"] = "KQL" }),
                },
            },
        };

        Assert.Equal(new CellKernel("telemetry", "KQL"), CellLanguage.SelectorOf("#!tel\nT | take 1", metadata));
        Assert.Null(CellLanguage.SelectorOf("#!tel\nT | take 1", null));
        Assert.Equal("skipped: a KQL cell (#!telemetry); the WeClick kernel runs C# only", CellLanguage.SelectorOf("#!telemetry", metadata)!.SkipMessage);
    }

    [Fact]
    public void CSharpSource_BlanksACSharpSelectorLine_KeepingLineNumbers()
    {
        Assert.Equal("\nvar x = 1;", CellLanguage.CSharpSource("#!csharp\nvar x = 1;"));
        Assert.Equal("\r\nx", CellLanguage.CSharpSource("#!c#\r\nx"));
        Assert.Equal("", CellLanguage.CSharpSource("#!csharp"));
        Assert.Equal("#!fsharp\nlet x = 1", CellLanguage.CSharpSource("#!fsharp\nlet x = 1"));
        Assert.Equal("#!time\nvar x = 1;", CellLanguage.CSharpSource("#!time\nvar x = 1;"));
        Assert.Equal("var x = 1;", CellLanguage.CSharpSource("var x = 1;"));
    }

    [Fact]
    public void SkipMessage_NamesTheLanguageAndSelector()
    {
        Assert.Equal("skipped: an F# cell (#!fsharp); the WeClick kernel runs C# only", CellLanguage.OfCode("#!fsharp\n1").SkipMessage);
        Assert.Equal("skipped: a PowerShell cell (#!pwsh); the WeClick kernel runs C# only", CellLanguage.OfCode("#!pwsh\n1").SkipMessage);
        Assert.Equal("skipped: an HTML cell (#!html); the WeClick kernel runs C# only", CellLanguage.OfCode("#!html\n1").SkipMessage);
        Assert.Equal("skipped: a JavaScript cell (#!javascript); the WeClick kernel runs C# only", CellLanguage.OfCode("#!js\n1").SkipMessage);
        Assert.Equal("skipped: an SQL cell (#!sql); the WeClick kernel runs C# only", CellLanguage.OfCode("#!sql\n1").SkipMessage);
        Assert.Equal("skipped: a Markdown cell (#!markdown); the WeClick kernel runs C# only", CellLanguage.OfCode("#!md\n1").SkipMessage);
    }

    private static NotebookCell Cell(string source, string? kernelName)
    {
        var cell = new NotebookCell(NotebookCellType.Code, source, "c" + Guid.NewGuid().ToString("N")[..8]);
        if (kernelName is not null)
        {
            cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernelName };
        }
        return cell;
    }
}
