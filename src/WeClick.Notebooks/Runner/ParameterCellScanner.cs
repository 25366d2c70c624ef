using System.Text.RegularExpressions;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Runner;

/// <summary>
/// Finds the declarations in a notebook's <c>parameters</c> cell with a line-by-line scan for
/// <c>[const] type name = value;</c> — what a parameters cell is by convention. Not a C# parser: a declaration spread
/// over several lines is not seen (its name then only draws papermill's "unknown parameter" warning).
/// </summary>
public static partial class ParameterCellScanner
{
    /// <summary>The tag marking the cell whose variables are the notebook's parameters (papermill).</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The index of the first cell tagged <c>parameters</c>, or null.</summary>
    public static int? FindParametersCell(NotebookDocument notebook) => FindTagged(notebook, ParametersTag);

    /// <summary>The index of the first cell carrying <paramref name="tag"/>, or null.</summary>
    public static int? FindTagged(NotebookDocument notebook, string tag)
    {
        var index = notebook.Cells.FindIndex(c => c.HasTag(tag));
        return index < 0 ? null : index;
    }

    /// <summary>The declarations in the first <c>parameters</c> cell, in order; empty when there is none.</summary>
    public static IReadOnlyList<ParameterDeclaration> Scan(NotebookDocument notebook) =>
        FindParametersCell(notebook) is { } index ? Scan(notebook.Cells[index].Source) : [];

    /// <summary>The declarations in <paramref name="source"/>, one per matching line, in order.</summary>
    public static IReadOnlyList<ParameterDeclaration> Scan(string source)
    {
        var found = new List<ParameterDeclaration>();
        foreach (var line in source.Split('\n'))
        {
            var match = Declaration().Match(line);
            if (match.Success)
            {
                var comment = match.Groups["comment"].Success ? match.Groups["comment"].Value.Trim() : null;
                found.Add(new ParameterDeclaration(match.Groups["name"].Value, match.Groups["type"].Value.Trim(), match.Groups["value"].Value.Trim(), comment));
            }
        }
        return found;
    }

    // [const|static|readonly ]* type name = value; [// comment]
    // type: var, or a (qualified, generic, array, nullable) type name; value: anything up to ';' outside a string literal.
    [GeneratedRegex("""^\s*(?:(?:const|static|readonly)\s+)*(?<type>[A-Za-z_][\w.]*(?:<[^=;]*?>)?(?:\[\s*,*\s*\])*\??)\s+(?<name>[A-Za-z_]\w*)\s*=(?!=)\s*(?<value>(?:@?"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^;"'])*?)\s*;\s*(?://(?<comment>.*))?$""")]
    private static partial Regex Declaration();
}
