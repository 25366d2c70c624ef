using System.Globalization;
using System.Text;

namespace WeClick.Experiments;

/// <summary>RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; numbers in the invariant
/// culture (round-trip precision) so the file reads back the same anywhere.</summary>
public static class Csv
{
    /// <summary>One field as it appears in a CSV line (null → empty).</summary>
    public static string Field(object? value)
    {
        var text = value switch
        {
            null or DBNull => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A header line and one line per row, each ended by CRLF as RFC 4180 says.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Field))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }
        return text.ToString();
    }
}
