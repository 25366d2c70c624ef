using System.Text.Json;
using System.Text.Json.Nodes;
using WeClick.Notebooks.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Documents;

/// <summary>
/// Reads nbformat v4 JSON tolerantly, as nbformat's own reader does: multi-line strings as a string or a list of lines
/// (joined with ''), any minor version from 0 to 5 (cells without ids get stable ones), JSON MIME values kept as JSON.
/// Every error names the source and the JSON path of the bad value.
/// </summary>
internal sealed class NotebookReader
{
    private readonly string _source;

    private NotebookReader(string source) => _source = source;

    public static NotebookDocument Read(string json, string sourceName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(
                $"{sourceName}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}", e);
        }
        return new NotebookReader(sourceName).ReadNotebook(root);
    }

    private NotebookDocument ReadNotebook(JsonNode? root)
    {
        if (root is not JsonObject top)
        {
            throw Fail("(root)", $"expected a JSON object (a notebook), found {Kind(root)}");
        }
        var major = top["nbformat"] is null ? throw Fail("nbformat", "missing (not an nbformat notebook)") : ReadInt(top["nbformat"], "nbformat");
        if (major != NotebookDocument.FormatMajor)
        {
            throw Fail("nbformat", $"version {major} is not supported (only nbformat 4; convert with `jupyter nbconvert --to notebook`)");
        }
        var minor = top["nbformat_minor"] is null ? 0 : ReadInt(top["nbformat_minor"], "nbformat_minor");
        var notebook = new NotebookDocument { NbFormatMinor = minor, Metadata = ReadObject(top["metadata"], "metadata") ?? new JsonObject() };
        if (top["cells"] is not JsonArray cells)
        {
            throw Fail("cells", top["cells"] is null ? "missing (not an nbformat v4 notebook)" : $"expected a list of cells, found {Kind(top["cells"])}");
        }
        var ids = new List<string?>();
        for (var i = 0; i < cells.Count; i++)
        {
            notebook.Cells.Add(ReadCell(cells[i], $"cells[{i}]", out var id));
            ids.Add(id);
        }
        AssignIds(notebook, ids);
        return notebook;
    }

    // Valid ids are kept (the first of duplicates wins, as nbformat's repair does); the rest get stable new ones.
    private static void AssignIds(NotebookDocument notebook, List<string?> ids)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var keep = new bool[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            keep[i] = ids[i] is { } id && taken.Add(id);
        }
        for (var i = 0; i < ids.Count; i++)
        {
            var cell = notebook.Cells[i];
            cell.Id = keep[i] ? ids[i]! : CellIds.Stable(i, cell.CellType, cell.Source, taken);
        }
    }

    private NotebookCell ReadCell(JsonNode? node, string path, out string? id)
    {
        if (node is not JsonObject cell)
        {
            throw Fail(path, $"expected a cell object, found {Kind(node)}");
        }
        var type = ReadString(cell["cell_type"], $"{path}.cell_type") switch
        {
            "code" => NotebookCellType.Code,
            "markdown" => NotebookCellType.Markdown,
            "raw" => NotebookCellType.Raw,
            var other => throw Fail($"{path}.cell_type", $"unknown cell type '{other}' (expected code, markdown or raw)"),
        };
        id = cell["id"] is null ? null : ReadString(cell["id"], $"{path}.id");
        if (id is not null && !CellIds.IsValid(id))
        {
            throw Fail($"{path}.id", $"'{id}' is not a valid cell id (letters, digits, '-' and '_', at most {CellIds.MaxLength})");
        }
        var result = new NotebookCell(type, ReadMultiline(cell["source"], $"{path}.source"), id ?? "")
        {
            Metadata = ReadObject(cell["metadata"], $"{path}.metadata") ?? new JsonObject(),
        };
        if (type == NotebookCellType.Code)
        {
            result.ExecutionCount = ReadOptionalInt(cell["execution_count"], $"{path}.execution_count");
            var outputs = cell["outputs"] switch
            {
                null => [],
                JsonArray a => a,
                var other => throw Fail($"{path}.outputs", $"expected a list of outputs, found {Kind(other)}"),
            };
            for (var i = 0; i < outputs.Count; i++)
            {
                result.Outputs.Add(ReadOutput(outputs[i], $"{path}.outputs[{i}]"));
            }
        }
        else
        {
            result.Attachments = ReadObject(cell["attachments"], $"{path}.attachments");
        }
        return result;
    }

    private NotebookOutput ReadOutput(JsonNode? node, string path)
    {
        if (node is not JsonObject output)
        {
            throw Fail(path, $"expected an output object, found {Kind(node)}");
        }
        return ReadString(output["output_type"], $"{path}.output_type") switch
        {
            "stream" => new StreamOutput(ReadString(output["name"], $"{path}.name"), ReadMultiline(output["text"], $"{path}.text")),
            "display_data" => new DisplayDataOutput(ReadBundle(output, path)),
            "execute_result" => new ExecuteResultOutput(ReadBundle(output, path), ReadOptionalInt(output["execution_count"], $"{path}.execution_count")),
            "error" => new ErrorOutput(new CellError(
                output["ename"] is null ? "" : ReadString(output["ename"], $"{path}.ename"),
                output["evalue"] is null ? "" : ReadString(output["evalue"], $"{path}.evalue"),
                ReadStringList(output["traceback"], $"{path}.traceback"))),
            var other => throw Fail($"{path}.output_type", $"unknown output type '{other}' (expected stream, display_data, execute_result or error)"),
        };
    }

    private MimeBundle ReadBundle(JsonObject output, string path)
    {
        var bundle = new MimeBundle("");
        bundle.Data.Clear(); // a file's bundle may lack text/plain (an image alone); keep it as it is
        foreach (var (mime, value) in ReadObject(output["data"], $"{path}.data") ?? [])
        {
            // JSON types stay JSON (nbformat never rejoins them); other types' line lists are joined.
            bundle.Data[mime] = MimeBundle.IsJsonMimeType(mime) || value is not (JsonArray or JsonValue)
                ? value?.DeepClone() ?? JsonValue.Create((string?)null)!
                : JsonValue.Create(ReadMultiline(value, $"{path}.data[\"{mime}\"]"));
        }
        foreach (var (key, value) in ReadObject(output["metadata"], $"{path}.metadata") ?? [])
        {
            bundle.Metadata[key] = value?.DeepClone() ?? JsonValue.Create((string?)null)!;
        }
        return bundle;
    }

    private string ReadMultiline(JsonNode? node, string path)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }
        if (node is JsonArray lines)
        {
            return string.Concat(ReadStringList(lines, path));
        }
        throw Fail(path, node is null ? "missing" : $"expected a string or a list of strings, found {Kind(node)}");
    }

    private List<string> ReadStringList(JsonNode? node, string path)
    {
        if (node is not JsonArray array)
        {
            throw Fail(path, node is null ? "missing" : $"expected a list of strings, found {Kind(node)}");
        }
        var list = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(ReadString(array[i], $"{path}[{i}]"));
        }
        return list;
    }

    private string ReadString(JsonNode? node, string path) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw Fail(path, node is null ? "missing" : $"expected a string, found {Kind(node)}");

    private int ReadInt(JsonNode? node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i
            : throw Fail(path, node is null ? "missing" : $"expected an integer, found {Kind(node)}");

    private int? ReadOptionalInt(JsonNode? node, string path) => node is null ? null : ReadInt(node, path);

    private JsonObject? ReadObject(JsonNode? node, string path) => node switch
    {
        null => null,
        JsonObject o => (JsonObject)o.DeepClone(),
        _ => throw Fail(path, $"expected an object, found {Kind(node)}"),
    };

    private NotebookFormatException Fail(string path, string message) => new($"{_source}: {path}: {message}.");

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => $"the number {v.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
        _ => "an unknown value",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
