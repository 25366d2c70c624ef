using System.Collections;
using System.Globalization;
using System.Reflection;
using WeClick.Reports;

namespace WeClick.Notebooks.Display;

/// <summary>
/// Shows a sequence as a table: one row per element, one column per public property (records, anonymous objects),
/// field (tuples), or a single <c>value</c> column for scalars. The first <see cref="MaxRows"/> rows are shown, with a
/// line saying how many are hidden; the count comes from <see cref="ICollection.Count"/> when known, otherwise the
/// sequence is read at most <see cref="MaxCounted"/> elements further (so an endless sequence cannot hang a cell).
/// </summary>
public static class TableFormatter
{
    /// <summary>Rows shown.</summary>
    public const int MaxRows = 100;

    /// <summary>How far past the shown rows a sequence without a known count is enumerated to count the rest.</summary>
    public const int MaxCounted = 10_000;

    private const int MaxCellText = 200;

    /// <summary><c>text/plain</c> (aligned columns) and <c>text/html</c> (a table) for <paramref name="sequence"/>.</summary>
    public static MimeBundle Format(IEnumerable sequence)
    {
        var (rows, hidden, hiddenIsLowerBound) = Take(sequence);
        var columns = Columns(ElementType(sequence, rows));
        var cells = rows.Select(row => columns.Select(column => CellText(column.Read(row))).ToArray()).ToList();
        var headers = columns.Select(column => column.Name).ToArray();
        var footer = hidden == 0 ? null : $"({(hiddenIsLowerBound ? "at least " : "")}{hidden} more rows not shown)";
        var total = hiddenIsLowerBound ? $"more than {rows.Count + hidden}" : (rows.Count + hidden).ToString(CultureInfo.InvariantCulture);
        var title = $"{TypeName(sequence.GetType())} ({total} items)";
        var grid = new CellGrid(headers, cells, footer);
        return new MimeBundle(grid.PlainText(title)).With("text/html", grid.Html());
    }

    private static (List<object?> Rows, long Hidden, bool HiddenIsLowerBound) Take(IEnumerable sequence)
    {
        var rows = new List<object?>();
        var enumerator = sequence.GetEnumerator();
        try
        {
            while (rows.Count < MaxRows && enumerator.MoveNext())
            {
                rows.Add(enumerator.Current);
            }
            if (sequence is ICollection collection)
            {
                return (rows, collection.Count - rows.Count, false);
            }
            long hidden = 0;
            while (hidden < MaxCounted && enumerator.MoveNext())
            {
                hidden++;
            }
            return (rows, hidden, hidden == MaxCounted && enumerator.MoveNext());
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }

    private static Type ElementType(IEnumerable sequence, List<object?> rows)
    {
        var declared = sequence.GetType().GetInterfaces().Append(sequence.GetType())
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (declared is not null && declared != typeof(object))
        {
            return declared;
        }
        var types = rows.Where(row => row is not null).Select(row => row!.GetType()).Distinct().ToList();
        return types.Count == 1 ? types[0] : typeof(object);
    }

    private sealed record Column(string Name, Func<object?, object?> Read);

    private static List<Column> Columns(Type element)
    {
        if (IsScalar(element))
        {
            return [new Column("value", row => row)];
        }
        if (element.IsValueType && element.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
        {
            return element.GetFields(BindingFlags.Public | BindingFlags.Instance)
                .Select(field => new Column(field.Name, row => row is null ? null : field.GetValue(row))).ToList();
        }
        var properties = element.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic
                && !(p.Name == "EqualityContract" && p.PropertyType == typeof(Type)))
            .ToList();
        if (properties.Count == 0)
        {
            return [new Column("value", row => row)];
        }
        return properties.Select(p => new Column(p.Name, row => Read(p, row))).ToList();
    }

    private static object? Read(PropertyInfo property, object? row)
    {
        if (row is null)
        {
            return null;
        }
        try
        {
            return property.GetValue(row);
        }
        catch (TargetInvocationException e)
        {
            return $"<{e.InnerException?.GetType().Name ?? "error"}>";
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(object)
        || Nullable.GetUnderlyingType(type) is { } inner && IsScalar(inner);

    private static string CellText(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            bool b => b ? "True" : "False",
            TorchSharp.torch.Tensor tensor => TensorFormatter.Describe(tensor),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Take(10).Select(x => x?.ToString() ?? "null")) + "]",
            _ => value.ToString() ?? "",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length > MaxCellText ? text[..MaxCellText] + "…" : text;
    }

    private static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }
        if (!type.IsGenericType)
        {
            return type.Name;
        }
        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }
}
