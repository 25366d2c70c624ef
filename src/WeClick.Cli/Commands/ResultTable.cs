using Spectre.Console;

namespace WeClick.Cli.Commands;

/// <summary>Report cells (<c>ExperimentReport.Rows</c>, <c>ReproductionReport.TableRows</c>) as a terminal table: the
/// commands that print an experiment's rows print them alike.</summary>
internal static class ResultTable
{
    /// <summary>A rounded table: the row names and text columns left-aligned, columns of numbers right-aligned.</summary>
    public static Table Of(string? title, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(Markup.Escape(title));
        }
        for (var i = 0; i < columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(columns[i]));
            table.AddColumn(i > 0 && rows.All(r => i >= r.Count || IsNumber(r[i])) ? column.RightAligned() : column);
        }
        foreach (var cells in rows)
        {
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        return table;
    }

    /// <summary>Writes a table; into a pipe or file at a width that keeps each row on one line (Spectre assumes 80
    /// columns there and would wrap labels and paths, which greps and notebooks then miss).</summary>
    public static void Write(Table table)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 240);
        }
        AnsiConsole.Write(table);
    }

    // "28.5 ± 0.2", "0.77", "–" and "" line up as numbers; "0,1", "not measured" and labels do not.
    private static bool IsNumber(string cell) =>
        cell.Length == 0 || cell == "–" || (char.IsAsciiDigit(cell[0]) && !cell.Contains(',', StringComparison.Ordinal) && !cell.Contains(' ', StringComparison.Ordinal))
        || (char.IsAsciiDigit(cell[0]) && cell.Contains(" ± ", StringComparison.Ordinal));
}
