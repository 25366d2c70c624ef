using System.Globalization;
using System.Net;
using System.Text;
using WeClick.Experiments;

namespace WeClick.Reports;

/// <summary>
/// A table of values: named columns, rows of cells (numbers, text, null). Shows as aligned text and an HTML
/// <c>&lt;table&gt;</c> in notebooks, and exports as CSV (RFC 4180) and Markdown. Display formats numbers in the invariant
/// culture with <see cref="Decimals"/> decimals (NaN and null as <c>–</c> and empty); CSV keeps full precision.
/// Numeric columns are right-aligned. Build an evaluation's metric tables with <see cref="Tables"/>.
/// </summary>
/// <remarks>
/// Where Table stays and where a DataFrame is used: results to compute with (the store's runs, per-epoch metrics,
/// per-class IoU, sweeps, and their mean ± std over seeds) are Microsoft.Data.Analysis DataFrames
/// (<see cref="ResultFrames"/>, <see cref="FrameStatistics"/>), typed columns a notebook can filter, group and plot.
/// Table stays for fixed displays, where a DataFrame has nothing to offer and lacks what is needed: a caption, a fixed
/// number of decimals (percent to one decimal beside the paper's), a Markdown form for report.md (<c>HtmlReport.Table</c>),
/// and cells of mixed kinds in one column (text like <c>61.2 ± 0.4</c> or <c>3 (1–5)</c> beside numbers); so it shows one
/// evaluation's metrics and its confusion matrix (<see cref="MetricsDisplay"/>), the small hand-built tables of the
/// notebooks (set-up versions, a few clicks, click statistics, the tour's four models), and report tables. The CLI prints
/// with Spectre.Console tables of its own.
/// </remarks>
public sealed class Table : IMimeRenderable
{
    /// <summary>A table.</summary>
    /// <param name="columns">The column names.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    /// <param name="decimals">Decimals shown for floating-point cells.</param>
    /// <exception cref="ArgumentException">A row has not one cell per column (the message gives the row).</exception>
    public Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, int decimals = 3)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        Columns = columns.ToArray();
        Rows = rows.Select(r => (IReadOnlyList<object?>)r.ToArray()).ToArray();
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Count != Columns.Count)
            {
                throw new ArgumentException($"Table row {i} has {Rows[i].Count} cells for {Columns.Count} columns ({string.Join(", ", Columns)}).", nameof(rows));
            }
        }
        Decimals = decimals;
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>Decimals shown for floating-point cells.</summary>
    public int Decimals { get; }

    /// <summary>An optional caption (HTML <c>&lt;caption&gt;</c>, a line above the text and Markdown forms).</summary>
    public string? Title { get; init; }

    /// <summary>A cell as displayed: floating point with <see cref="Decimals"/> decimals, invariant culture; null empty; NaN "–".</summary>
    public string Format(object? value) => value switch
    {
        null or DBNull => "",
        double d => double.IsNaN(d) ? "–" : d.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        float f => float.IsNaN(f) ? "–" : f.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan s => s.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The table as aligned plain text: a header, a rule, one line per row.</summary>
    public string ToText()
    {
        var cells = Rows.Select(r => r.Select(Format).ToArray()).ToArray();
        var widths = Columns.Select((c, j) => cells.Select(r => r[j].Length).Append(c.Length).Max()).ToArray();
        var numeric = NumericColumns();
        var text = new StringBuilder();
        if (Title is not null)
        {
            text.AppendLine(Title);
        }
        string Line(IReadOnlyList<string> row) => string.Join("  ", row.Select((cell, j) => numeric[j] ? cell.PadLeft(widths[j]) : cell.PadRight(widths[j]))).TrimEnd();
        text.AppendLine(Line(Columns));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            text.AppendLine(Line(row));
        }
        return text.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>The table as an HTML <c>&lt;table&gt;</c> with a header row; every cell HTML-escaped.</summary>
    public string ToHtml()
    {
        var numeric = NumericColumns();
        var html = new StringBuilder("<table class=\"weclick-table\">");
        if (Title is not null)
        {
            html.Append("<caption>").Append(WebUtility.HtmlEncode(Title)).Append("</caption>");
        }
        html.Append("<thead><tr>");
        foreach (var (column, j) in Columns.Select((c, j) => (c, j)))
        {
            html.Append(numeric[j] ? "<th style=\"text-align:right\">" : "<th style=\"text-align:left\">").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (var j = 0; j < row.Count; j++)
            {
                html.Append(numeric[j] ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">").Append(WebUtility.HtmlEncode(Format(row[j]))).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The table as RFC 4180 CSV (<see cref="Csv"/>): full-precision numbers, quoted fields where needed, CRLF lines.</summary>
    public string ToCsv() => Csv.Write(Columns, Rows);

    /// <summary>The table as a Markdown pipe table (numeric columns right-aligned); <c>|</c> in cells escaped, line breaks as spaces.</summary>
    public string ToMarkdown()
    {
        var numeric = NumericColumns();
        static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
        var markdown = new StringBuilder();
        if (Title is not null)
        {
            markdown.Append("**").Append(Escape(Title)).AppendLine("**").AppendLine();
        }
        markdown.Append("| ").Append(string.Join(" | ", Columns.Select(Escape))).AppendLine(" |");
        markdown.Append('|').Append(string.Concat(numeric.Select(n => n ? " ---: |" : " --- |"))).AppendLine();
        foreach (var row in Rows)
        {
            markdown.Append("| ").Append(string.Join(" | ", row.Select(c => Escape(Format(c))))).AppendLine(" |");
        }
        return markdown.ToString();
    }

    /// <inheritdoc/>
    /// <remarks>text/plain (aligned), text/html (the table), text/markdown.</remarks>
    public MimeBundle ToMimeBundle() => new MimeBundle(ToText()).With("text/html", ToHtml()).With("text/markdown", ToMarkdown());

    /// <inheritdoc/>
    public override string ToString() => ToText();

    /// <summary>Per column: every non-empty cell is a number (right-aligned).</summary>
    private bool[] NumericColumns() => Columns.Select((_, j) =>
    {
        var present = Rows.Select(r => r[j]).Where(v => v is not null and not DBNull).ToArray();
        return present.Length > 0 && present.All(v => v is byte or short or int or long or float or double or decimal);
    }).ToArray();
}
