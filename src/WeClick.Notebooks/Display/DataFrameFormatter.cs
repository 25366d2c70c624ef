using System.Globalization;
using Microsoft.Data.Analysis;
using WeClick.Reports;

namespace WeClick.Notebooks.Display;

/// <summary>
/// Shows a Microsoft.Data.Analysis <see cref="DataFrame"/>: its size, a header of column names, the first
/// <see cref="MaxRows"/> rows and a line saying how many more there are, as aligned text and as an HTML table (numeric
/// columns right-aligned, each header's tooltip its type, every cell HTML-escaped, a wide frame scrolling sideways).
/// Cells read as a data frame means them: a missing value (null) is an empty cell, NaN shows as <c>NaN</c>, floating point
/// with six significant digits and everything in the invariant culture (the frame keeps full precision: compute on it,
/// not on its display), times as <c>yyyy-MM-dd HH:mm:ss</c>.
/// </summary>
public static class DataFrameFormatter
{
    /// <summary>Rows shown of a longer frame (pandas shows 10 of a long one, and 60 of a short one).</summary>
    public const int MaxRows = 20;

    private const int MaxCellText = 200;

    /// <summary><c>text/plain</c> and <c>text/html</c> for <paramref name="frame"/>, its first <paramref name="maxRows"/>
    /// rows shown (<c>display(DataFrameFormatter.Format(frame, 100))</c> shows more).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is negative.</exception>
    public static MimeBundle Format(DataFrame frame, int maxRows = MaxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var columns = frame.Columns.ToArray();
        var total = frame.Rows.Count;
        var shown = Math.Min(total, maxRows);
        var cells = new List<string[]>();
        for (long row = 0; row < shown; row++)
        {
            cells.Add(columns.Select(c => CellText(c[row])).ToArray());
        }
        var headers = columns.Select(c => c.Name).ToArray();
        var numeric = columns.Select(c => IsNumeric(c.DataType)).ToArray();
        var footer = total > shown ? $"({(total - shown).ToString(CultureInfo.InvariantCulture)} more rows not shown)" : null;
        var title = string.Create(CultureInfo.InvariantCulture, $"DataFrame ({total} rows × {columns.Length} columns)");
        var types = columns.Select(c => TypeName(c.DataType)).ToArray();
        var grid = new CellGrid(headers, cells, footer, numeric, types);
        return new MimeBundle(grid.PlainText(title)).With("text/html", grid.Html(caption: title));
    }

    /// <summary>A cell as shown: empty for a missing value, <c>NaN</c>, numbers invariant (floating point to six significant
    /// digits), times to the second; line breaks as spaces and long text cut at 200 characters.</summary>
    public static string CellText(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            bool b => b ? "True" : "False",
            double d => Real(d),
            float f => Real(f),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length > MaxCellText ? text[..MaxCellText] + "…" : text;
    }

    private static string Real(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? (value > 0 ? "∞" : "-∞") : value.ToString("G6", CultureInfo.InvariantCulture);

    private static bool IsNumeric(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(int) || type == typeof(long)
        || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);

    private static string TypeName(Type type) => type == typeof(string) ? "string" : type == typeof(double) ? "double" : type == typeof(float) ? "float"
        : type == typeof(int) ? "int" : type == typeof(long) ? "long" : type == typeof(bool) ? "bool" : type.Name;
}
