using System.Globalization;
using System.Net;
using System.Text;

namespace WeClick.Notebooks.Display;

/// <summary>
/// The rendering both table displays share (<see cref="TableFormatter"/> for sequences, <see cref="DataFrameFormatter"/>
/// for DataFrames): cells already turned into text, laid out as aligned plain text and as an HTML table whose rows are
/// numbered from 0, with an optional footer (the rows left out). A DataFrame adds right-aligned numeric columns, its
/// column types as header tooltips and a caption; a sequence's table has none of these.
/// </summary>
/// <param name="Headers">The column names.</param>
/// <param name="Cells">The shown rows, one text per column.</param>
/// <param name="Footer">A line after the rows, or null.</param>
/// <param name="RightAligned">Per column, true to right-align it (numbers); null: every column left as HTML's default.</param>
/// <param name="Types">Per column, a type name shown as the header's tooltip; null for none.</param>
internal sealed record CellGrid(string[] Headers, List<string[]> Cells, string? Footer, bool[]? RightAligned = null, string[]? Types = null)
{
    /// <summary><paramref name="title"/>, the header, a rule, the rows and the footer, columns padded to their widest cell.</summary>
    public string PlainText(string title)
    {
        var widths = Headers.Select((header, c) => Cells.Select(row => row[c].Length).Append(header.Length).Max()).ToArray();
        var text = new StringBuilder(title).Append('\n');
        string Line(IEnumerable<string> values) =>
            string.Join("  ", values.Select((v, c) => RightAligned?[c] == true ? v.PadLeft(widths[c]) : v.PadRight(widths[c]))).TrimEnd();
        text.Append(Line(Headers)).Append('\n').Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in Cells)
        {
            text.Append(Line(row)).Append('\n');
        }
        if (Footer is not null)
        {
            text.Append(Footer).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The HTML table (every text HTML-escaped), its footer as an italic paragraph after it; with
    /// <paramref name="caption"/>, the table carries it and sits in a box that scrolls sideways when wide.</summary>
    public string Html(string? caption = null)
    {
        var html = new StringBuilder();
        if (caption is not null)
        {
            html.Append("<div class=\"weclick-dataframe\" style=\"overflow-x:auto\">");
        }
        html.Append("<table class=\"weclick-table\">");
        if (caption is not null)
        {
            html.Append("<caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption>");
        }
        html.Append("<thead><tr><th></th>");
        for (var c = 0; c < Headers.Length; c++)
        {
            html.Append("<th").Append(Align(c));
            if (Types is not null)
            {
                html.Append(" title=\"").Append(WebUtility.HtmlEncode(Types[c])).Append('"');
            }
            html.Append('>').Append(WebUtility.HtmlEncode(Headers[c])).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < Cells.Count; r++)
        {
            html.Append("<tr><th>").Append(r.ToString(CultureInfo.InvariantCulture)).Append("</th>");
            for (var c = 0; c < Headers.Length; c++)
            {
                html.Append("<td").Append(Align(c)).Append('>').Append(WebUtility.HtmlEncode(Cells[r][c])).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (Footer is not null)
        {
            html.Append("<p><i>").Append(WebUtility.HtmlEncode(Footer)).Append("</i></p>");
        }
        if (caption is not null)
        {
            html.Append("</div>");
        }
        return html.ToString();
    }

    private string Align(int column) => RightAligned is null ? ""
        : RightAligned[column] ? " style=\"text-align:right\"" : " style=\"text-align:left\"";
}
