using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Documents;

/// <summary>
/// Which kernel a code cell is written for, decided as Polyglot Notebooks (.NET Interactive) decides it, in one place for
/// the headless runner (which has the notebook's metadata) and the kernel (which has only the code of an execute_request).
/// </summary>
/// <remarks>
/// <para>For a cell of a notebook, the first rule that gives an answer wins:</para>
/// <list type="number">
/// <item>a first line that selects a kernel (<c>#!csharp</c>, <c>#!c#</c>, <c>#!fsharp</c>, <c>#!f#</c>, <c>#!pwsh</c>,
/// <c>#!javascript</c>, <c>#!js</c>, <c>#!html</c>, <c>#!markdown</c>, <c>#!mermaid</c>, <c>#!sql</c>, <c>#!kql</c>,
/// <c>#!value</c>…, or a name or alias listed in the notebook's <c>polyglot_notebook.kernelInfo.items</c>); other
/// <c>#!</c> magics such as <c>#!time</c> or <c>#!share</c> select nothing;</item>
/// <item>the cell's <c>polyglot_notebook.kernelName</c>, else its legacy <c>dotnet_interactive.language</c>;</item>
/// <item>the notebook's default (<see cref="DefaultOf"/>).</item>
/// </list>
/// <para>Kernel names and aliases are matched without regard to case. A C# cell's selector line is blanked, not removed,
/// before compiling (<see cref="CSharpSource"/>), so compile errors keep the line numbers the user sees.</para>
/// </remarks>
public static class CellLanguage
{
    // .NET Interactive's kernels and their aliases (docs/magic-commands.md; the kernelInfo items Polyglot Notebooks writes).
    private static readonly (string Name, string Language, string[] Aliases)[] KnownKernels =
    [
        ("csharp", "C#", ["c#"]),
        ("fsharp", "F#", ["f#"]),
        ("pwsh", "PowerShell", ["powershell"]),
        ("javascript", "JavaScript", ["js"]),
        ("html", "HTML", []),
        ("markdown", "Markdown", ["md"]),
        ("mermaid", "Mermaid", []),
        ("sql", "SQL", []),
        ("kql", "KQL", []),
        ("value", "value", []),
        ("http", "HTTP", []),
        ("python", "Python", []),
        ("r", "R", []),
    ];

    /// <summary>The kernel a code cell of <paramref name="notebook"/> is written for (see the remarks for the rules).</summary>
    public static CellKernel Of(NotebookDocument notebook, NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(cell);
        if (SelectorOf(cell.Source, notebook.Metadata) is { } selected)
        {
            return selected;
        }
        var named = StringAt(cell.Metadata, "polyglot_notebook", "kernelName") ?? StringAt(cell.Metadata, "dotnet_interactive", "language");
        return named is null ? DefaultOf(notebook) : Named(named, notebook.Metadata);
    }

    /// <summary>
    /// The kernel for code that came without a notebook (a Jupyter execute_request): the one its first line selects,
    /// else C#.
    /// </summary>
    public static CellKernel OfCode(string code) => SelectorOf(code, null) ?? CellKernel.CSharp;

    /// <summary>
    /// The notebook's default kernel: <c>polyglot_notebook.kernelInfo.defaultKernelName</c> (or the legacy
    /// <c>dotnet_interactive.defaultKernelName</c>), else the <c>.net-</c> kernelspec's kernel (<c>.net-fsharp</c> → F#),
    /// else <c>language_info.name</c> (unless it is the generic <c>polyglot-notebook</c>), else <c>kernelspec.language</c>;
    /// C# when the notebook names no language at all.
    /// </summary>
    public static CellKernel DefaultOf(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var metadata = notebook.Metadata;
        var spec = StringAt(metadata, "kernelspec", "name");
        var languageInfo = StringAt(metadata, "language_info", "name");
        var name = StringAt(metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName")
            ?? StringAt(metadata, "dotnet_interactive", "defaultKernelName")
            ?? (spec is not null && spec.StartsWith(".net-", StringComparison.OrdinalIgnoreCase) ? spec[".net-".Length..] : null)
            ?? (languageInfo is not null && !languageInfo.Equals("polyglot-notebook", StringComparison.OrdinalIgnoreCase) ? languageInfo : null)
            ?? StringAt(metadata, "kernelspec", "language");
        return name is null ? CellKernel.CSharp : Named(name, metadata);
    }

    /// <summary>
    /// The kernel selected by the first line of <paramref name="source"/> (<c>#!fsharp</c>…), or null when it does not
    /// start with a kernel selector. Names listed in <paramref name="notebookMetadata"/>'s
    /// <c>polyglot_notebook.kernelInfo.items</c> (e.g. a kernel a notebook connects to) count as selectors too.
    /// </summary>
    public static CellKernel? SelectorOf(string source, JsonObject? notebookMetadata)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }
        var end = source.IndexOfAny([' ', '\t', '\r', '\n']);
        var word = end < 0 ? source[2..] : source[2..end];
        if (word.Length == 0)
        {
            return null;
        }
        if (Known(word) is { } known)
        {
            return known;
        }
        return Listed(word, notebookMetadata) is { } listed ? new CellKernel(listed.Name, listed.Language ?? listed.Name) : null;
    }

    /// <summary>
    /// <paramref name="code"/> ready for the C# compiler: a first line that selects C# (<c>#!csharp</c>, <c>#!c#</c>) is
    /// replaced by an empty line, so that line numbers in compile errors and stack traces stay those of the cell as typed.
    /// Other code is returned as it is.
    /// </summary>
    public static string CSharpSource(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (SelectorOf(code, null) is not { IsCSharp: true })
        {
            return code;
        }
        var end = code.IndexOfAny(['\r', '\n']);
        return end < 0 ? "" : code[end..];
    }

    /// <summary>Whether a language or kernel name means C# (<c>csharp</c>, <c>C#</c>, any case).</summary>
    public static bool IsCSharpName(string name) => Known(name) is { IsCSharp: true };

    private static CellKernel Named(string name, JsonObject? notebookMetadata)
    {
        if (Known(name) is { } known)
        {
            return known;
        }
        if (Listed(name, notebookMetadata) is { } listed)
        {
            return Known(listed.Name) ?? new CellKernel(listed.Name, listed.Language ?? listed.Name);
        }
        return new CellKernel(name, name);
    }

    private static CellKernel? Known(string name)
    {
        foreach (var (kernel, language, aliases) in KnownKernels)
        {
            if (kernel.Equals(name, StringComparison.OrdinalIgnoreCase) || language.Equals(name, StringComparison.OrdinalIgnoreCase)
                || aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return kernel == CellKernel.CSharp.Name ? CellKernel.CSharp : new CellKernel(kernel, language);
            }
        }
        return null;
    }

    /// <summary>The <c>polyglot_notebook.kernelInfo.items</c> entry whose name or alias is <paramref name="name"/>.</summary>
    private static (string Name, string? Language)? Listed(string name, JsonObject? notebookMetadata)
    {
        if (notebookMetadata is null || NodeAt(notebookMetadata, "polyglot_notebook", "kernelInfo", "items") is not JsonArray items)
        {
            return null;
        }
        foreach (var item in items.OfType<JsonObject>())
        {
            var itemName = StringAt(item, "name");
            if (itemName is null)
            {
                continue;
            }
            var aliases = item["aliases"] is JsonArray list ? list.Select(a => a is JsonValue v && v.TryGetValue<string>(out var s) ? s : null) : [];
            if (itemName.Equals(name, StringComparison.OrdinalIgnoreCase) || aliases.Any(a => name.Equals(a, StringComparison.OrdinalIgnoreCase)))
            {
                return (itemName, StringAt(item, "languageName"));
            }
        }
        return null;
    }

    private static JsonNode? NodeAt(JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var key in path)
        {
            node = node is JsonObject o ? o[key] : null;
        }
        return node;
    }

    private static string? StringAt(JsonObject root, params string[] path) =>
        NodeAt(root, path) is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
