using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Documents;

/// <summary>Which cells are C# (and so executed), and the kernel metadata this project's notebooks carry.</summary>
public static class NotebookLanguage
{
    /// <summary>The kernelspec name of this project's kernel.</summary>
    public const string KernelName = "weclick-csharp";

    /// <summary><c>{"name": "weclick-csharp", "display_name": "C# (WeClick)", "language": "csharp"}</c>.</summary>
    public static JsonObject DefaultKernelSpec() => new()
    {
        ["name"] = KernelName,
        ["display_name"] = "C# (WeClick)",
        ["language"] = "csharp",
    };

    /// <summary><c>{"name": "csharp", "file_extension": ".cs", "mimetype": "text/x-csharp", "pygments_lexer": "csharp"}</c>.</summary>
    public static JsonObject DefaultLanguageInfo() => new()
    {
        ["name"] = "csharp",
        ["file_extension"] = ".cs",
        ["mimetype"] = "text/x-csharp",
        ["pygments_lexer"] = "csharp",
    };

    /// <summary>
    /// Whether <paramref name="cell"/> is a C# code cell, by <see cref="CellLanguage.Of"/>: a first-line kernel selector
    /// (<c>#!fsharp</c>), else the cell's metadata, else the notebook's default kernel. Cells in other languages are not
    /// run; markdown and raw cells never are.
    /// </summary>
    public static bool IsCSharp(NotebookDocument notebook, NotebookCell cell) =>
        cell.CellType == NotebookCellType.Code && CellLanguage.Of(notebook, cell).IsCSharp;

    /// <summary>Whether a language or kernel name means C# (<c>csharp</c>, <c>C#</c>, <c>c#</c>, any case).</summary>
    public static bool IsCSharpName(string name) => CellLanguage.IsCSharpName(name);
}
