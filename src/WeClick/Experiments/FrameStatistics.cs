using System.Globalization;
using Microsoft.Data.Analysis;

namespace WeClick.Experiments;

/// <summary>
/// Group-wise statistics Microsoft.Data.Analysis lacks: its <c>GroupBy</c> gives sums and means of one key column, no
/// spread and no multi-column keys, while results are read as mean ± std over seeds.
/// </summary>
public static class FrameStatistics
{
    /// <summary>
    /// One row per group of equal <paramref name="groupBy"/> values (in order of the group's first row; a null key is a
    /// group of its own): the key columns (their types kept), <c>n</c> (the group's rows), then for each column <c>v</c> of
    /// <paramref name="values"/>: <c>v_mean</c>, <c>v_std</c> and <c>v_n</c> (the values they rest on).
    /// </summary>
    /// <remarks>
    /// The std is the sample standard deviation, √(Σ(x − mean)² / (n − 1)), as <see cref="SeedSummary"/> computes it for
    /// the spread over seeds everywhere else (<see cref="ResultStore.Summaries"/>, the reports, <c>weclick runs compare</c>),
    /// so a frame and a report agree. A group of one value has no sample std: it shows 0, as <see cref="SeedSummary"/> does,
    /// and <c>v_n</c> = 1 says so. Missing values (null, NaN) are left out of a value's mean and std and of <c>v_n</c>; a
    /// group with none left has null mean and std and <c>v_n</c> = 0. No <paramref name="groupBy"/> columns: one row for
    /// the whole frame.
    /// </remarks>
    /// <example><c>FrameStatistics.MeanStd(ResultFrames.Sweep(store, "table2"), ["row"], ["mIoU", "mPA"])</c></example>
    /// <exception cref="ArgumentException">A column is not in the frame (the message lists its columns), a value column does
    /// not hold numbers, or two output columns would share a name (a key named <c>n</c>, a value listed twice).</exception>
    public static DataFrame MeanStd(DataFrame frame, IReadOnlyList<string> groupBy, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(groupBy);
        ArgumentNullException.ThrowIfNull(values);
        var keys = groupBy.Select(name => Find(frame, name, nameof(groupBy))).ToArray();
        var measured = values.Select(name => Find(frame, name, nameof(values))).ToArray();
        foreach (var column in measured.Where(c => !IsNumeric(c.DataType)))
        {
            throw new ArgumentException($"MeanStd: column '{column.Name}' holds {column.DataType.Name}, not numbers.", nameof(values));
        }
        var names = groupBy.Append("n").Concat(values.SelectMany(v => new[] { v + "_mean", v + "_std", v + "_n" })).ToArray();
        if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new ArgumentException($"MeanStd: two output columns would be named '{clash.Key}'; group by and average each column once, and rename a key column called 'n'.", nameof(groupBy));
        }

        var groups = Groups(frame, keys);
        var columns = new List<DataFrameColumn>();
        var firstRows = new Int64DataFrameColumn("rows", groups.Select(g => g[0]));
        // Clone through the first row of each group keeps a key column's type (int seeds stay int, dates stay dates).
        columns.AddRange(keys.Select(key => key.Clone(firstRows)));
        columns.Add(new Int32DataFrameColumn("n", groups.Select(g => g.Count)));
        foreach (var column in measured)
        {
            var summaries = groups.Select(rows => Summary(column, rows)).ToArray();
            columns.Add(new DoubleDataFrameColumn(column.Name + "_mean", summaries.Select(s => s?.Mean)));
            columns.Add(new DoubleDataFrameColumn(column.Name + "_std", summaries.Select(s => s?.Std)));
            columns.Add(new Int32DataFrameColumn(column.Name + "_n", summaries.Select(s => s?.Count ?? 0)));
        }
        return new DataFrame(columns);
    }

    private static DataFrameColumn Find(DataFrame frame, string name, string parameter)
    {
        var index = frame.Columns.IndexOf(name);
        return index >= 0 ? frame.Columns[index]
            : throw new ArgumentException($"MeanStd: no column '{name}' (the frame has {string.Join(", ", frame.Columns.Select(c => c.Name))}).", parameter);
    }

    // The row indices of each group, groups in order of their first row.
    private static List<List<long>> Groups(DataFrame frame, DataFrameColumn[] keys)
    {
        var index = new Dictionary<GroupKey, List<long>>();
        var groups = new List<List<long>>();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            var key = new GroupKey(keys.Select(k => k[row]).ToArray());
            if (!index.TryGetValue(key, out var rows))
            {
                rows = [];
                index.Add(key, rows);
                groups.Add(rows);
            }
            rows.Add(row);
        }
        return groups;
    }

    private static SeedSummary? Summary(DataFrameColumn column, List<long> rows)
    {
        var present = rows.Select(r => column[r]).Where(v => v is not null)
            .Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).Where(v => !double.IsNaN(v)).ToArray();
        return present.Length == 0 ? null : SeedSummary.Of(present);
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(int) || type == typeof(long)
        || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);

    // A group's key values, compared value by value (null equals null).
    private sealed class GroupKey(object?[] values) : IEquatable<GroupKey>
    {
        private readonly object?[] values = values;

        public bool Equals(GroupKey? other) => other is not null && values.SequenceEqual(other.values);

        public override bool Equals(object? obj) => Equals(obj as GroupKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var value in values)
            {
                hash.Add(value);
            }
            return hash.ToHashCode();
        }
    }
}
