using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Documents;

/// <summary>One cell of an nbformat v4 notebook.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell with empty metadata and no outputs.</summary>
    /// <param name="cellType">Code, markdown or raw.</param>
    /// <param name="source">The cell's text.</param>
    /// <param name="id">The cell id (pattern <c>^[a-zA-Z0-9-_]+$</c>, at most 64 characters); see <see cref="CellIds"/>.</param>
    public NotebookCell(NotebookCellType cellType, string source, string id)
    {
        CellType = cellType;
        Source = source;
        Id = id;
    }

    /// <summary>Code, markdown or raw.</summary>
    public NotebookCellType CellType { get; }

    /// <summary>The cell id, unique within the notebook (nbformat 4.5).</summary>
    public string Id { get; set; }

    /// <summary>The cell's text (lists of lines in the file are joined on read).</summary>
    public string Source { get; set; }

    /// <summary>The cell metadata (<c>tags</c>, <c>papermill</c>, <c>execution</c>, editor keys…), kept as read.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>The outputs of a code cell, in order; always empty for markdown and raw cells.</summary>
    public List<NotebookOutput> Outputs { get; } = [];

    /// <summary>The code cell's execution count, or null when it has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Markdown and raw cells' <c>attachments</c> (name → MIME bundle), kept as read; null when absent.</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>The strings in <c>metadata.tags</c> (non-string entries are ignored); empty when there are none.</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? tags.OfType<JsonValue>().Select(t => t.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    /// <summary>Whether <c>metadata.tags</c> contains <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>A code cell's outputs and execution count cleared, as Jupyter does before running it again.</summary>
    public void ClearOutputs()
    {
        Outputs.Clear();
        ExecutionCount = null;
    }
}
