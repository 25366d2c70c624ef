using Microsoft.Data.Analysis;

namespace WeClick.Experiments;

/// <summary>
/// Typed DataFrame columns from cells read as objects (the lines <see cref="SweepExport"/> writes as CSV), so a CSV and a
/// DataFrame of the same readout come from one reading. A missing cell, or NaN in a number column, becomes null: a
/// DataFrame's own marker for a missing value, which its statistics skip.
/// </summary>
internal static class FrameColumns
{
    /// <summary>A frame of <paramref name="lines"/> under <paramref name="header"/>, column <c>c</c> of type <c>typeOf(c)</c>
    /// (string, int, long or double).</summary>
    /// <exception cref="ArgumentException">A cell does not convert to its column's type, or two columns share a name.</exception>
    public static DataFrame Frame(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<object?>> lines, Func<int, Type> typeOf)
    {
        var duplicate = header.GroupBy(name => name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two columns are named '{duplicate.Key}' ({string.Join(", ", header)}); rename a sweep axis that repeats a column's name.", nameof(header));
        }
        return new DataFrame(header.Select((name, c) => Column(name, typeOf(c), lines.Select(line => line[c]))));
    }

    /// <summary>A column of <paramref name="type"/> (string, int, long, double or DateTime) holding <paramref name="cells"/>.</summary>
    /// <exception cref="ArgumentException">A cell does not convert to <paramref name="type"/> (the column is named).</exception>
    public static DataFrameColumn Column(string name, Type type, IEnumerable<object?> cells)
    {
        try
        {
            if (type == typeof(string))
            {
                return new StringDataFrameColumn(name, cells.Select(c => c?.ToString()));
            }
            if (type == typeof(int))
            {
                return new Int32DataFrameColumn(name, cells.Select(c => c is null ? (int?)null : Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture)));
            }
            if (type == typeof(long))
            {
                return new Int64DataFrameColumn(name, cells.Select(c => c is null ? (long?)null : Convert.ToInt64(c, System.Globalization.CultureInfo.InvariantCulture)));
            }
            if (type == typeof(double))
            {
                return new DoubleDataFrameColumn(name, cells.Select(Number));
            }
            if (type == typeof(DateTime))
            {
                return new DateTimeDataFrameColumn(name, cells.Select(c => c is null ? (DateTime?)null : (DateTime)c));
            }
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"Column '{name}': a cell is not a {type.Name} ({e.Message}).", nameof(cells), e);
        }
        throw new ArgumentException($"Column '{name}': no DataFrame column for {type.Name} here (string, int, long, double, DateTime).", nameof(type));
    }

    private static double? Number(object? cell)
    {
        if (cell is null)
        {
            return null;
        }
        var value = Convert.ToDouble(cell, System.Globalization.CultureInfo.InvariantCulture);
        return double.IsNaN(value) ? null : value;
    }
}
