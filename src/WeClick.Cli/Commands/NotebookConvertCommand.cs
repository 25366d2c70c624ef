using System.CommandLine;
using WeClick.Notebooks.Documents;

namespace WeClick.Cli.Commands;

/// <summary>
/// <c>weclick notebook convert file.dib [-o file.ipynb]</c>: a Polyglot Notebooks script (.dib) as a notebook that our
/// kernel, Jupyter and <c>weclick notebook run</c> open (<see cref="DibReader"/> says what becomes of each cell).
/// </summary>
internal static class NotebookConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("dib") { Description = "The Polyglot Notebooks script to convert (.dib)." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The notebook to write (default: <name>.ipynb next to the input, which must not exist yet; a file named here is overwritten).",
        };
        var command = new Command("convert",
            "Convert a Polyglot Notebooks script (.dib) to a notebook (.ipynb) with the C# (WeClick) kernel: markdown cells stay markdown, "
            + "C# cells become code cells, cells of other languages are kept with their #!fsharp/#!pwsh/... line (a run reports them skipped). "
            + "Exit code 2 for bad input.")
        {
            input, output,
        };
        command.SetAction(parse => Convert(parse.GetValue(input)!, parse.GetValue(output)));
        return command;
    }

    private static int Convert(string input, string? output)
    {
        var inputPath = Path.GetFullPath(input);
        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException($"{input}: no such file.", inputPath);
        }
        if (!string.Equals(Path.GetExtension(inputPath), DibReader.Extension, StringComparison.OrdinalIgnoreCase))
        {
            var hint = string.Equals(Path.GetExtension(inputPath), ".ipynb", StringComparison.OrdinalIgnoreCase)
                ? " A Polyglot .ipynb needs no conversion: run it with 'weclick notebook run'."
                : "";
            throw new ArgumentException($"{input}: not a .dib file; 'notebook convert' reads Polyglot Notebooks scripts (.dib).{hint}");
        }
        var outputPath = Path.GetFullPath(output ?? Path.ChangeExtension(inputPath, ".ipynb"));
        if (output is null && File.Exists(outputPath))
        {
            throw new IOException($"{outputPath} already exists; name it with -o to overwrite it, or pick another file.");
        }
        if (!Directory.Exists(Path.GetDirectoryName(outputPath)))
        {
            throw new ArgumentException($"-o {output}: the folder {Path.GetDirectoryName(outputPath)} does not exist.");
        }
        var notebook = DibReader.Load(inputPath);
        notebook.Save(outputPath);
        var code = notebook.Cells.Where(c => c.CellType == NotebookCellType.Code).Select(c => CellLanguage.Of(notebook, c)).ToList();
        var others = code.Where(k => !k.IsCSharp).GroupBy(k => k.LanguageName).Select(g => $"{g.Count()} {g.Key}").ToList();
        var markdown = notebook.Cells.Count(c => c.CellType == NotebookCellType.Markdown);
        var summary = $"{code.Count(k => k.IsCSharp)} C#, {markdown} markdown" + (others.Count > 0 ? $", {string.Join(", ", others)} (kept, skipped when run)" : "");
        Console.WriteLine($"wrote {outputPath} ({notebook.Cells.Count} cells: {summary})");
        return 0;
    }
}
