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
    /// Whether <paramref name="cell"/> is a C# code cell. The cell's own language (<c>polyglot_notebook.kernelName</c>,
    /// else the legacy <c>dotnet_interactive.language</c>) decides when present; otherwise the notebook's
    /// (<c>language_info.name</c>, else <c>kernelspec.language</c>; for a polyglot notebook its default kernel). With no
    /// language anywhere, code is C#. Cells in other languages are left as they are, like markdown and raw cells.
    /// </summary>
    public static bool IsCSharp(NotebookDocument notebook, NotebookCell cell)
    {
        if (cell.CellType != NotebookCellType.Code)
        {
            return false;
        }
        var cellLanguage = StringAt(cell.Metadata, "polyglot_notebook", "kernelName") ?? StringAt(cell.Metadata, "dotnet_interactive", "language");
        if (cellLanguage is not null)
        {
            return IsCSharpName(cellLanguage);
        }
        var language = StringAt(notebook.Metadata, "language_info", "name") ?? StringAt(notebook.Metadata, "kernelspec", "language");
        if (language is not null && language.Equals("polyglot-notebook", StringComparison.OrdinalIgnoreCase))
        {
            language = StringAt(notebook.Metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName");
        }
        return language is null || IsCSharpName(language);
    }

    /// <summary>Whether a language or kernel name means C# (<c>csharp</c>, <c>C#</c>, any case).</summary>
    public static bool IsCSharpName(string name) =>
        name.Equals("csharp", StringComparison.OrdinalIgnoreCase) || name.Equals("c#", StringComparison.OrdinalIgnoreCase);

    private static string? StringAt(JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var key in path)
        {
            node = node is JsonObject o ? o[key] : null;
        }
        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }
}
