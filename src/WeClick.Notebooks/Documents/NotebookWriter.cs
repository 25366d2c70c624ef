using System.Text.Json.Nodes;
using WeClick.Reports;

namespace WeClick.Notebooks.Documents;

/// <summary>
/// The JSON tree of a notebook as nbformat's writer prepares it (<c>nbformat/v4/nbjson.py</c>, <c>rwbase.py</c>): sources
/// and streams as line lists; <c>text/*</c>, <c>application/javascript</c> and <c>image/svg+xml</c> split into lines; other
/// values (base64 images, JSON MIME types) as they are; transient keys (<c>orig_nbformat</c>, <c>signature</c>, cell
/// <c>trusted</c>) dropped.
/// </summary>
internal static class NotebookWriter
{
    private static readonly HashSet<string> SplitNonTextMimes = new(StringComparer.Ordinal) { "application/javascript", "image/svg+xml" };

    public static JsonObject ToNode(NotebookDocument notebook)
    {
        CheckIds(notebook);
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        metadata.Remove("orig_nbformat");
        metadata.Remove("orig_nbformat_minor");
        metadata.Remove("signature");
        return new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select(c => (JsonNode)CellNode(c)).ToArray()),
            ["metadata"] = metadata,
            ["nbformat"] = NotebookDocument.FormatMajor,
            ["nbformat_minor"] = NotebookDocument.FormatMinor,
        };
    }

    private static void CheckIds(NotebookDocument notebook)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var id = notebook.Cells[i].Id;
            if (!CellIds.IsValid(id))
            {
                throw new InvalidOperationException($"cells[{i}].id: '{id}' is not a valid cell id (letters, digits, '-' and '_', at most {CellIds.MaxLength}).");
            }
            if (!seen.Add(id))
            {
                throw new InvalidOperationException($"cells[{i}].id: '{id}' is used by an earlier cell; cell ids must be unique.");
            }
        }
    }

    private static JsonObject CellNode(NotebookCell cell)
    {
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        metadata.Remove("trusted");
        var node = new JsonObject
        {
            ["cell_type"] = cell.CellType switch
            {
                NotebookCellType.Code => "code",
                NotebookCellType.Markdown => "markdown",
                _ => "raw",
            },
            ["id"] = cell.Id,
            ["metadata"] = metadata,
            ["source"] = Lines(cell.Source),
        };
        if (cell.CellType == NotebookCellType.Code)
        {
            node["execution_count"] = cell.ExecutionCount;
            node["outputs"] = new JsonArray(cell.Outputs.Select(o => (JsonNode)OutputNode(o)).ToArray());
        }
        else if (cell.Attachments is not null)
        {
            node["attachments"] = cell.Attachments.DeepClone();
        }
        return node;
    }

    private static JsonObject OutputNode(NotebookOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = s.OutputType, ["text"] = Lines(s.Text) },
        DisplayDataOutput d => new JsonObject { ["data"] = Data(d.Bundle), ["metadata"] = Metadata(d.Bundle), ["output_type"] = d.OutputType },
        ExecuteResultOutput r => new JsonObject
        {
            ["data"] = Data(r.Bundle),
            ["execution_count"] = r.ExecutionCount,
            ["metadata"] = Metadata(r.Bundle),
            ["output_type"] = r.OutputType,
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Error.Name,
            ["evalue"] = e.Error.Message,
            ["output_type"] = e.OutputType,
            ["traceback"] = new JsonArray(e.Error.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
        _ => throw new InvalidOperationException($"Unknown output kind {output.GetType().Name}."),
    };

    private static JsonObject Data(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle.Data)
        {
            var split = (mime.StartsWith("text/", StringComparison.Ordinal) || SplitNonTextMimes.Contains(mime))
                && value is JsonValue v && v.TryGetValue<string>(out var text);
            data[mime] = split ? Lines(value.GetValue<string>()) : value?.DeepClone();
        }
        return data;
    }

    private static JsonObject Metadata(MimeBundle bundle)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in bundle.Metadata)
        {
            metadata[key] = value?.DeepClone();
        }
        return metadata;
    }

    private static JsonArray Lines(string text) =>
        new(PythonText.SplitLinesKeepEnds(text).Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
}
