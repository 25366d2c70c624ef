using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>A figure's <c>layout</c>: title, axes, bar mode, size, legend and the subplot grid of panels.</summary>
public sealed class FigureLayout
{
    private readonly SortedDictionary<string, Axis> _axes = new(StringComparer.Ordinal);

    /// <summary>The figure's title (<c>title: {text}</c>); null for none.</summary>
    public string? Title { get; set; }

    /// <summary>The first x axis (<c>layout.xaxis</c>).</summary>
    public Axis XAxis => Axis("x");

    /// <summary>The first y axis (<c>layout.yaxis</c>).</summary>
    public Axis YAxis => Axis("y");

    /// <summary>How bars of several traces share a category; null for plotly's default (group).</summary>
    public BarMode? BarMode { get; set; }

    /// <summary>The width in pixels; null fills the container.</summary>
    public int? Width { get; set; }

    /// <summary>The height in pixels; null keeps plotly's default (450).</summary>
    public int? Height { get; set; }

    /// <summary>Whether the legend shows; null lets plotly decide (shown with several traces).</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Lays the legend out in a row above the plot instead of a column at its right.</summary>
    public bool HorizontalLegend { get; set; }

    /// <summary>Margins around the plot area in pixels (left, right, top, bottom); null keeps plotly's (80, 80, 100, 80).</summary>
    public (int Left, int Right, int Top, int Bottom)? Margins { get; set; }

    /// <summary>A grid of subplots (<c>layout.grid</c>, independent axes): trace k of the panels uses axes x{k+1}, y{k+1}.</summary>
    public (int Rows, int Columns)? Grid { get; set; }

    /// <summary>
    /// The axis with plotly's short id: <c>x</c>, <c>y</c>, <c>x2</c>, <c>y3</c>, … (a trace's <see cref="Trace.XAxis"/>);
    /// created on first use.
    /// </summary>
    /// <exception cref="ArgumentException">The id is not x or y followed by an optional number ≥ 2.</exception>
    public Axis Axis(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0 || id[0] is not ('x' or 'y') || (id.Length > 1 && (!int.TryParse(id.AsSpan(1), out var n) || n < 2 || id[1] == '0')))
        {
            throw new ArgumentException($"'{id}' is not a plotly axis id (x, y, x2, y2, …).", nameof(id));
        }
        if (!_axes.TryGetValue(id, out var axis))
        {
            _axes[id] = axis = new Axis();
        }
        return axis;
    }

    /// <summary>The layout as plotly.js JSON (axes as <c>xaxis</c>, <c>yaxis2</c>, …).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Title is not null)
        {
            json["title"] = PlotlyJson.Title(Title);
        }
        foreach (var (id, axis) in _axes)
        {
            var axisJson = axis.ToJson();
            if (axisJson.Count > 0)
            {
                json[id[0] + "axis" + id[1..]] = axisJson;
            }
        }
        if (BarMode is { } mode)
        {
            json["barmode"] = mode.ToString().ToLowerInvariant();
        }
        if (Width is { } width)
        {
            json["width"] = width;
        }
        if (Height is { } height)
        {
            json["height"] = height;
        }
        if (ShowLegend is { } show)
        {
            json["showlegend"] = show;
        }
        if (HorizontalLegend)
        {
            json["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = 1.02, ["yanchor"] = "bottom", ["x"] = 0 };
        }
        if (Margins is { } m)
        {
            json["margin"] = new JsonObject { ["l"] = m.Left, ["r"] = m.Right, ["t"] = m.Top, ["b"] = m.Bottom };
        }
        if (Grid is { } grid)
        {
            json["grid"] = new JsonObject { ["rows"] = grid.Rows, ["columns"] = grid.Columns, ["pattern"] = "independent" };
        }
        return json;
    }
}
