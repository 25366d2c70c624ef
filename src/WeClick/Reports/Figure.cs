using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>
/// A Plotly figure: traces, layout and config, serialised as plotly.js's figure JSON
/// <c>{"data": [...], "layout": {...}, "config": {...}}</c> (plotly.js 4). In a notebook it shows as the plotly MIME type
/// <c>application/vnd.plotly.v1+json</c> (JupyterLab, VS Code, nteract draw it natively), with a <c>text/html</c>
/// fallback that loads plotly.js itself (<see cref="PlotlyJs"/>) and a one-line <c>text/plain</c> description.
/// Build common charts with <see cref="Charts"/> and image panels with <see cref="ImagePanels"/>.
/// </summary>
public sealed class Figure : IMimeRenderable
{
    /// <summary>The plotly MIME type.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>A figure with the given traces.</summary>
    public Figure(params IEnumerable<Trace> traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        Data.AddRange(traces);
    }

    /// <summary>The traces, drawn in order.</summary>
    public List<Trace> Data { get; } = [];

    /// <summary>Title, axes, size, legend, subplot grid.</summary>
    public FigureLayout Layout { get; } = new();

    /// <summary>plotly.js config (<c>responsive</c>, <c>displaylogo</c>, …); responsive and without the logo by default.</summary>
    public JsonObject Config { get; } = new() { ["responsive"] = true, ["displaylogo"] = false };

    /// <summary>Sets the title (<c>layout.title.text</c>) and returns the figure.</summary>
    public Figure WithTitle(string title)
    {
        Layout.Title = title;
        return this;
    }

    /// <summary>Sets the axis titles and returns the figure.</summary>
    public Figure WithAxisTitles(string? x, string? y)
    {
        Layout.XAxis.Title = x;
        Layout.YAxis.Title = y;
        return this;
    }

    /// <summary>Sets the size in pixels and returns the figure.</summary>
    public Figure WithSize(int? width, int? height)
    {
        Layout.Width = width;
        Layout.Height = height;
        return this;
    }

    /// <summary>The figure JSON: <c>{"data": [...], "layout": {...}, "config": {...}}</c> (a new object each call).</summary>
    /// <exception cref="ArgumentException">A trace is inconsistent (e.g. more categories than values); the message says which.</exception>
    public JsonObject ToJson() => new()
    {
        ["data"] = new JsonArray(Data.Select(t => (JsonNode?)t.ToJson()).ToArray()),
        ["layout"] = Layout.ToJson(),
        ["config"] = Config.DeepClone(),
    };

    /// <summary>A self-contained HTML fragment (a div and a script) that draws the figure, loading plotly.js from
    /// <paramref name="source"/> (default <see cref="PlotlyJs.Current"/>) if the page has not loaded it.</summary>
    /// <exception cref="FileNotFoundException">The source needs the installed plotly.min.js and it is not found.</exception>
    public string ToHtml(PlotlyJs? source = null) => FigureHtml.Render(ToJson(), source ?? PlotlyJs.Current);

    /// <summary>A one-line description, e.g. <c>Figure: bar, 11 categories — per-class IoU</c>.</summary>
    public string Describe()
    {
        var kinds = Data.GroupBy(t => t.Type).Select(g => g.Count() == 1 ? g.First().Describe() : $"{g.Count()} × {g.First().Describe()}");
        var text = "Figure: " + (Data.Count == 0 ? "empty" : string.Join(", ", kinds));
        return Layout.Title is null ? text : $"{text} — {Layout.Title}";
    }

    /// <inheritdoc/>
    /// <remarks>The plotly JSON, the HTML fallback (<see cref="PlotlyJs.Current"/>) and the description.</remarks>
    public MimeBundle ToMimeBundle() =>
        new MimeBundle(Describe()).WithJson(PlotlyMimeType, ToJson()).With("text/html", ToHtml());

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
