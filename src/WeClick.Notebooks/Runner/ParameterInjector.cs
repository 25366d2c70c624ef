using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Runner;

/// <summary>
/// Writes parameter overrides into a notebook as papermill does (<c>papermill/parameterize.py</c>): a new code cell
/// tagged <c>injected-parameters</c> replaces an existing one, else goes right after the first cell tagged
/// <c>parameters</c>, else at the top. Later cells tagged <c>parameters</c> are ordinary cells.
/// </summary>
public static class ParameterInjector
{
    /// <summary>The tag of the injected cell (papermill).</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>
    /// Injects <paramref name="parameters"/> (a later value for the same name replaces an earlier one, keeping its place)
    /// and returns papermill's warnings — <c>Passed unknown parameter: name</c> for names the parameters cell does not
    /// declare. With no parameters the notebook is left untouched, as papermill does.
    /// </summary>
    /// <returns>The injected cell's index (null when nothing was injected) and the warnings.</returns>
    public static (int? Index, IReadOnlyList<string> Warnings) Inject(NotebookDocument notebook, IReadOnlyList<NotebookParameter> parameters)
    {
        var merged = Merge(parameters);
        if (merged.Count == 0)
        {
            return (null, []);
        }
        var declared = ParameterCellScanner.Scan(notebook).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var warnings = merged.Where(p => !declared.Contains(p.Name)).Select(p => $"Passed unknown parameter: {p.Name}").ToList();

        int index;
        string id;
        if (ParameterCellScanner.FindTagged(notebook, InjectedTag) is { } existing)
        {
            index = existing;
            id = notebook.Cells[existing].Id; // the replacement takes the old cell's place and id
            notebook.Cells.RemoveAt(existing);
        }
        else
        {
            index = ParameterCellScanner.FindParametersCell(notebook) is { } parametersCell ? parametersCell + 1 : 0;
            id = notebook.NewCellId(InjectedTag);
        }
        var cell = new NotebookCell(NotebookCellType.Code, CSharpParameterTranslator.Codify(merged), id)
        {
            Metadata = new JsonObject { ["tags"] = new JsonArray(InjectedTag) },
        };
        notebook.Cells.Insert(index, cell);
        return (index, warnings);
    }

    /// <summary>The parameters in first-seen order, each name once with its last value (a Python dict's behaviour).</summary>
    public static IReadOnlyList<NotebookParameter> Merge(IReadOnlyList<NotebookParameter> parameters)
    {
        var order = new List<string>();
        var values = new Dictionary<string, NotebookParameter>(StringComparer.Ordinal);
        foreach (var p in parameters)
        {
            if (!values.ContainsKey(p.Name))
            {
                order.Add(p.Name);
            }
            values[p.Name] = p;
        }
        return order.Select(n => values[n]).ToList();
    }

    /// <summary>The parameters as a JSON object (<c>metadata.papermill.parameters</c>).</summary>
    public static JsonObject ToJson(IReadOnlyList<NotebookParameter> parameters)
    {
        var json = new JsonObject();
        foreach (var p in Merge(parameters))
        {
            json[p.Name] = p.Value switch
            {
                bool b => JsonValue.Create(b),
                long l => JsonValue.Create(l),
                double d when double.IsFinite(d) => JsonValue.Create(d),
                double d => JsonValue.Create(CSharpParameterTranslator.Literal(d)), // JSON has no NaN/Infinity
                var other => JsonValue.Create((string)other),
            };
        }
        return json;
    }
}
