using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Documents;

/// <summary>
/// Reads a Polyglot Notebooks script (<c>.dib</c>) into a notebook, as .NET Interactive's <c>CodeSubmission.Parse</c> does:
/// an optional <c>#!meta</c> block whose JSON (up to the next <c>#!</c> line) holds <c>{"kernelInfo": {...}}</c>, then
/// cells, each introduced by a line that is only a kernel selector (<c>#!csharp</c>, <c>#!markdown</c>, <c>#!fsharp</c>…,
/// or a kernel the metadata lists). Other <c>#!</c> lines (<c>#!time</c>, <c>#!connect …</c>) stay in their cell; blank
/// lines around a cell are dropped, and so are empty cells; text before the first selector belongs to the default kernel.
/// </summary>
/// <remarks>
/// The notebook has this project's C# kernelspec. Markdown cells become markdown cells; C# cells, code cells without
/// their selector line; cells of other kernels, code cells that keep their selector line (so nothing is lost and they
/// are reported skipped when run). Code cells carry <c>dotnet_interactive.language</c> and
/// <c>polyglot_notebook.kernelName</c> as Polyglot Notebooks writes them, and the <c>#!meta</c> kernel list is kept as
/// <c>polyglot_notebook.kernelInfo</c>, so the file still opens in Polyglot Notebooks with the same kernels.
/// </remarks>
public static class DibReader
{
    /// <summary>The file extension of Polyglot Notebooks scripts.</summary>
    public const string Extension = ".dib";

    /// <summary>Reads a <c>.dib</c> file.</summary>
    /// <exception cref="FileNotFoundException">No such file (the message names it).</exception>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> block is not a JSON object (the message names the file and line).</exception>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Reads a <c>.dib</c> text; <paramref name="sourceName"/> (a file name) prefixes error messages.</summary>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> block is not a JSON object.</exception>
    public static NotebookDocument Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var notebook = NotebookDocument.CreateCSharp();
        var kernel = CellKernel.CSharp;
        var current = new List<string>();
        var metaSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!metaSeen && line.TrimEnd() == "#!meta")
            {
                metaSeen = true;
                var start = i + 1;
                while (i + 1 < lines.Length && !lines[i + 1].StartsWith("#!", StringComparison.Ordinal))
                {
                    i++;
                }
                kernel = ReadMeta(notebook, lines[start..(i + 1)], start + 1, sourceName) ?? kernel;
                continue;
            }
            if (Selector(line, notebook.Metadata) is { } selected)
            {
                AddCell(notebook, kernel, current);
                kernel = selected;
                current.Clear();
                continue;
            }
            current.Add(line);
        }
        AddCell(notebook, kernel, current);
        return notebook;
    }

    /// <summary>A line that is only a kernel selector (<c>#!fsharp</c>), as a cell separator; null for other lines.</summary>
    private static CellKernel? Selector(string line, JsonObject metadata)
    {
        var trimmed = line.TrimEnd();
        return trimmed.StartsWith("#!", StringComparison.Ordinal) && !trimmed.Any(char.IsWhiteSpace)
            ? CellLanguage.SelectorOf(trimmed, metadata)
            : null;
    }

    /// <summary>Keeps the <c>#!meta</c> JSON in the notebook metadata; returns its default kernel, if it names one.</summary>
    private static CellKernel? ReadMeta(NotebookDocument notebook, string[] lines, int firstLine, string sourceName)
    {
        JsonNode? meta;
        try
        {
            meta = JsonNode.Parse(string.Join('\n', lines));
        }
        catch (JsonException e)
        {
            var line = firstLine + (int)(e.LineNumber ?? 0);
            throw new NotebookFormatException(
                $"{sourceName}, line {line}: the #!meta block is not valid JSON ({FirstSentence(e.Message)}). "
                + "Fix it, or delete the block (it only lists the notebook's kernels).", e);
        }
        if (meta is not JsonObject metadata)
        {
            throw new NotebookFormatException(
                $"{sourceName}, line {firstLine}: the #!meta block should be a JSON object such as {{\"kernelInfo\": {{...}}}}. "
                + "Fix it, or delete the block.");
        }
        foreach (var (key, value) in metadata.ToList())
        {
            metadata.Remove(key);
            if (key == "kernelInfo")
            {
                notebook.Metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = value };
            }
            else
            {
                notebook.Metadata[key] = value;
            }
        }
        var defaultName = notebook.Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"];
        return defaultName is JsonValue v && v.TryGetValue<string>(out var name) && name.Length > 0
            ? CellLanguage.SelectorOf("#!" + name, notebook.Metadata) ?? new CellKernel(name, name)
            : null;
    }

    private static void AddCell(NotebookDocument notebook, CellKernel kernel, List<string> lines)
    {
        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0)
        {
            return;
        }
        var last = lines.FindLastIndex(l => l.Length > 0);
        var body = string.Join('\n', lines.Skip(first).Take(last - first + 1));
        var taken = new HashSet<string>(notebook.Cells.Select(c => c.Id), StringComparer.Ordinal);
        if (kernel.Name == "markdown")
        {
            notebook.Cells.Add(new NotebookCell(NotebookCellType.Markdown, body,
                CellIds.Stable(notebook.Cells.Count, NotebookCellType.Markdown, body, taken)));
            return;
        }
        var source = kernel.IsCSharp ? body : kernel.Selector + "\n" + body;
        var cell = new NotebookCell(NotebookCellType.Code, source, CellIds.Stable(notebook.Cells.Count, NotebookCellType.Code, source, taken));
        cell.Metadata["dotnet_interactive"] = new JsonObject { ["language"] = kernel.Name };
        cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel.Name };
        notebook.Cells.Add(cell);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
