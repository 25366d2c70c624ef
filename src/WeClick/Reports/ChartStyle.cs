using DynamicObj;
using Plotly.NET;

namespace WeClick.Reports;

/// <summary>
/// Sets plotly.js attributes on a Plotly.NET chart by name, for the few that Plotly.NET.CSharp does not reach: the figure
/// title, axis attributes (reversed range, tick angle and step, overlaying), trace attributes (error bars, heatmap text,
/// colour scale by name, second y axis) and layout switches (bar mode, legend, margins). Plotly.NET's own F# functions
/// for these take every optional argument as an explicit <c>FSharpOption</c> from C# (a title alone is 12 of them), and
/// its layout, axis and trace types are dynamic objects, so a named attribute is the short way.
/// </summary>
/// <remarks>The chart is changed in place (Plotly.NET shares its layout and trace objects) and returned, so calls chain.
/// Null values are skipped, so an optional argument passes straight through.</remarks>
internal static class ChartStyle
{
    /// <summary>Sets <c>layout.title.text</c> (plotly.js 3+ rejects a plain-string title); null leaves it unset.</summary>
    public static GenericChart WithTitleText(this GenericChart chart, string? title) => chart.WithLayoutValue("title", Text(title));

    /// <summary>Sets one layout attribute (<c>barmode</c>, <c>showlegend</c>, <c>margin</c>, …); a null value is skipped.</summary>
    public static GenericChart WithLayoutValue(this GenericChart chart, string key, object? value)
    {
        if (value is null)
        {
            return chart;
        }
        var layout = GenericChart.getLayout(chart);
        layout.SetProperty(key, value);
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>Sets attributes of the axis with plotly's short id (<c>x</c>, <c>y</c>, <c>x2</c>, <c>y3</c>, …), keeping
    /// those already set (e.g. by <c>Chart.Grid</c>); null values are skipped.</summary>
    /// <exception cref="ArgumentException">The id is not x or y followed by an optional number.</exception>
    public static GenericChart WithAxis(this GenericChart chart, string id, params (string Key, object? Value)[] values)
    {
        if (id.Length == 0 || id[0] is not ('x' or 'y') || (id.Length > 1 && !int.TryParse(id.AsSpan(1), out _)))
        {
            throw new ArgumentException($"'{id}' is not a plotly axis id (x, y, x2, y2, …).", nameof(id));
        }
        var set = values.Where(v => v.Value is not null).ToArray();
        if (set.Length == 0)
        {
            return chart;
        }
        var layout = GenericChart.getLayout(chart);
        var key = id[0] + "axis" + id[1..];
        var existing = layout.TryGetPropertyValue(key);
        var axis = existing is not null && existing.Value is DynamicObj.DynamicObj dynamic ? dynamic : new DynamicObj.DynamicObj();
        foreach (var (name, value) in set)
        {
            axis.SetProperty(name, value!);
        }
        layout.SetProperty(key, axis);
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>Sets attributes on the trace at <paramref name="index"/> (in drawing order); null values are skipped.</summary>
    public static GenericChart WithTraceValues(this GenericChart chart, int index, params (string Key, object? Value)[] values)
    {
        var trace = GenericChart.getTraces(chart).ElementAt(index);
        foreach (var (name, value) in values.Where(v => v.Value is not null))
        {
            trace.SetProperty(name, value!);
        }
        return chart;
    }

    /// <summary>A plotly title object <c>{"text": …}</c>, or null for no title.</summary>
    public static Dictionary<string, object>? Text(string? text) => text is null ? null : new() { ["text"] = text };

    /// <summary>plotly.js's symmetric error bars from one value per point (<c>{type: "data", array, visible}</c>); null for none.</summary>
    /// <exception cref="ArgumentException">Not one error per point.</exception>
    public static Dictionary<string, object>? ErrorBars(IReadOnlyList<double>? errors, int points)
    {
        if (errors is null)
        {
            return null;
        }
        if (errors.Count != points)
        {
            throw new ArgumentException($"Error bars need one value per point: {points} points, {errors.Count} errors.", nameof(errors));
        }
        return new() { ["type"] = "data", ["array"] = errors.ToArray(), ["visible"] = true };
    }

    /// <summary>A legend laid out in a row above the plot instead of a column at its right.</summary>
    public static Dictionary<string, object> HorizontalLegend() => new() { ["orientation"] = "h", ["y"] = 1.02, ["yanchor"] = "bottom", ["x"] = 0 };
}
