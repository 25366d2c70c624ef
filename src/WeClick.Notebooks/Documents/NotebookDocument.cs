using System.Text;
using System.Text.Json.Nodes;
using WeClick.Serialization;

namespace WeClick.Notebooks.Documents;

/// <summary>
/// An nbformat v4 notebook (.ipynb) in memory: cells and metadata. Read tolerantly (<see cref="Load"/>, <see cref="Parse"/>),
/// written exactly as Jupyter's own writer does (<see cref="Save"/>, <see cref="ToJson"/>), always as nbformat 4.5.
/// </summary>
public sealed class NotebookDocument
{
    /// <summary>The major format version; only 4 is read or written.</summary>
    public const int FormatMajor = 4;

    /// <summary>The minor format version written (4.5: cells carry ids).</summary>
    public const int FormatMinor = 5;

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; } = [];

    /// <summary>The notebook metadata (<c>kernelspec</c>, <c>language_info</c>, <c>papermill</c>…), kept as read.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>The major version: always 4.</summary>
    public int NbFormat => FormatMajor;

    /// <summary>The minor version the file had when read (2–5); written files are always 5.</summary>
    public int NbFormatMinor { get; set; } = FormatMinor;

    /// <summary>An empty notebook with this project's kernel metadata (<see cref="NotebookLanguage.DefaultKernelSpec"/>).</summary>
    public static NotebookDocument CreateCSharp() => new()
    {
        Metadata = new JsonObject
        {
            ["kernelspec"] = NotebookLanguage.DefaultKernelSpec(),
            ["language_info"] = NotebookLanguage.DefaultLanguageInfo(),
        },
    };

    /// <summary>Reads a notebook file.</summary>
    /// <exception cref="FileNotFoundException">No such file (the message names it).</exception>
    /// <exception cref="NotebookFormatException">Not JSON, or not an nbformat v4 notebook (the message names the file and JSON path).</exception>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such notebook file.", path);
        }
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Reads a notebook from its JSON text; <paramref name="sourceName"/> (a file name) prefixes error messages.</summary>
    /// <exception cref="NotebookFormatException">Not JSON, or not an nbformat v4 notebook.</exception>
    public static NotebookDocument Parse(string json, string sourceName) => NotebookReader.Read(json, sourceName);

    /// <summary>The notebook as Jupyter writes it: 1-space indent, sorted keys, non-ASCII unescaped, a trailing newline.</summary>
    /// <exception cref="InvalidOperationException">A cell id is invalid or used twice.</exception>
    public string ToJson() => PythonJson.Serialize(NotebookWriter.ToNode(this)) + "\n";

    /// <summary>Writes the notebook (UTF-8, no BOM) atomically: a temporary file renamed over <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">A cell id is invalid or used twice.</exception>
    public void Save(string path)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToJson());
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>A deep copy (through the file format, so it is exactly what a save and reload would give).</summary>
    public NotebookDocument Clone() => Parse(ToJson(), "(copy)");

    /// <summary>A new id for a cell, <paramref name="preferred"/> if no cell uses it yet, else with a numeric suffix.</summary>
    public string NewCellId(string preferred) =>
        CellIds.Unique(preferred, new HashSet<string>(Cells.Select(c => c.Id), StringComparer.Ordinal));
}
