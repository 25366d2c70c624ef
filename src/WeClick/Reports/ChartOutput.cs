using System.Text.Json.Nodes;
using Plotly.NET;

namespace WeClick.Reports;

/// <summary>
/// The outputs of a Plotly.NET <see cref="GenericChart"/> — the workbench's figures (<see cref="Charts"/>,
/// <see cref="ImagePanels"/>, …) and any chart a notebook cell builds with Plotly.NET or Plotly.NET.CSharp: plotly.js's
/// figure JSON <c>{"data", "layout", "config"}</c>, an HTML fragment that draws it offline with the local plotly.js
/// (<see cref="PlotlyJs"/>; Plotly.NET's own HTML loads plotly.js and RequireJS from CDNs), a one-line description, and
/// the notebook bundle of all three.
/// </summary>
/// <remarks>
/// Plotly.NET's JSON is cleaned for plotly.js 4 on the way out: empty containers (the <c>marker: {}</c> and
/// <c>line: {}</c> its line and point charts carry, which <c>Plotly.validate</c> reports as "did not get coerced") are
/// dropped from the traces; NaN and ±∞, which Newtonsoft writes as the strings <c>"NaN"</c>/<c>"Infinity"</c>, become
/// <c>null</c> in numeric arrays (a gap, as plotly.js reads it); an empty <c>frames</c> list is left out; and the config
/// gets <c>displaylogo: false</c> unless the chart set it.
/// </remarks>
public static class ChartOutput
{
    // Template object → its JSON. A template changed after its first chart was shown keeps its first JSON; Plotly.NET's
    // templates are built once and not changed.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, JsonNode> SerializedTemplates = new();

    /// <summary>The plotly MIME type (JupyterLab, VS Code and nteract draw it natively).</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The chart as plotly.js figure JSON <c>{"data": [...], "layout": {...}, "config": {...}}</c> (a new object each call).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public static JsonObject ToFigureJson(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        // Plotly.NET's default template (its look: colours, fonts, grid) is a large dynamic object that takes 0.3–1 s to
        // serialise on a busy machine, every time; the rest of a chart takes milliseconds. So the template is serialised
        // once per template object and put back into the JSON: a training view redrawing every half second stays cheap.
        var layout = GenericChart.getLayout(chart);
        var template = layout.TryGetPropertyValue("template");
        if (template is not null && template.Value is not null)
        {
            var withoutTemplate = new Layout();
            foreach (var property in layout.GetProperties(true).Where(p => p.Key != "template"))
            {
                withoutTemplate.SetProperty(property.Key, property.Value);
            }
            chart = GenericChart.setLayout(withoutTemplate, chart); // a new chart: the caller's keeps its layout
        }
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        if (template is not null && template.Value is not null)
        {
            var templateJson = SerializedTemplates.GetValue(template.Value, t => JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(t))!);
            (figure["layout"] ??= new JsonObject())["template"] = templateJson.DeepClone();
        }
        var data = figure["data"] as JsonArray ?? [];
        foreach (var trace in data.OfType<JsonObject>())
        {
            DropEmptyContainers(trace);
        }
        ReplaceNonFiniteNumbers(figure);
        var config = JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(GenericChart.getConfig(chart))) as JsonObject ?? [];
        config.TryAdd("displaylogo", false);
        return new JsonObject
        {
            ["data"] = data.DeepClone(),
            ["layout"] = figure["layout"]?.DeepClone() ?? new JsonObject(),
            ["config"] = config,
        };
    }

    /// <summary>A self-contained HTML fragment (a div and a script) that draws the chart, loading plotly.js from
    /// <paramref name="source"/> (default <see cref="PlotlyJs.Current"/>) if the page has not loaded it. No CDN.</summary>
    /// <exception cref="FileNotFoundException">The source needs the installed plotly.min.js and it is not found.</exception>
    public static string ToHtml(this GenericChart chart, PlotlyJs? source = null) =>
        FigureHtml.Render(chart.ToFigureJson(), source ?? PlotlyJs.Current);

    /// <summary>The HTML fragment of figure JSON (<see cref="ToFigureJson"/>'s, computed once where a caller also needs the
    /// JSON) with plotly.js from <paramref name="source"/> (default <see cref="PlotlyJs.Current"/>).</summary>
    /// <exception cref="FileNotFoundException">The source needs the installed plotly.min.js and it is not found.</exception>
    public static string ToHtml(JsonObject figure, PlotlyJs? source = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return FigureHtml.Render(figure, source ?? PlotlyJs.Current);
    }

    /// <summary>The notebook bundle: the plotly JSON, the HTML fallback (<see cref="PlotlyJs.Current"/>; see
    /// <see cref="NotebookHtml"/> when plotly.js is missing) and <see cref="Describe(GenericChart)"/> as text/plain.</summary>
    public static MimeBundle ToMimeBundle(this GenericChart chart)
    {
        var json = chart.ToFigureJson();
        return new MimeBundle(Describe(json)).WithJson(PlotlyMimeType, json).With("text/html", NotebookHtml(json));
    }

    /// <summary>
    /// The HTML a notebook shows for figure JSON: the figure drawn with <see cref="PlotlyJs.Current"/>, or, when that
    /// needs the installed plotly.js and it is missing, a note saying so and how to install it. A figure is never lost
    /// to a missing library: its Plotly MIME output, sent beside this HTML, still draws in frontends that render it
    /// (JupyterLab with plotly's extension, VS Code), and the cell does not fail after its work.
    /// </summary>
    public static string NotebookHtml(JsonObject figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        try
        {
            return FigureHtml.Render(figure, PlotlyJs.Current);
        }
        catch (FileNotFoundException e)
        {
            return "<div class=\"weclick-figure-not-drawn\" style=\"border:1px solid #c66;padding:6px\"><b>This figure cannot be drawn here:</b> " +
                System.Net.WebUtility.HtmlEncode(e.Message) + " Its Plotly JSON is in this output (frontends with a Plotly renderer draw it).</div>";
        }
    }

    /// <summary>A one-line description, e.g. <c>Figure: bar, 11 categories — per-class IoU</c>.</summary>
    public static string Describe(this GenericChart chart) => Describe(chart.ToFigureJson());

    /// <summary>The description of figure JSON: its traces by type (and size), then the title.</summary>
    internal static string Describe(JsonObject figure)
    {
        var traces = (figure["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var kinds = traces.GroupBy(t => (string?)t["type"] ?? "scatter")
            .Select(g => g.Count() == 1 ? DescribeTrace(g.First()) : $"{g.Count()} × {DescribeTrace(g.First())}");
        var text = "Figure: " + (traces.Count == 0 ? "empty" : string.Join(", ", kinds));
        return figure["layout"]?["title"]?["text"] is JsonValue title ? $"{text} — {(string?)title}" : text;
    }

    private static string DescribeTrace(JsonObject trace)
    {
        int Count(string key) => trace[key] is JsonArray array ? array.Count : 0;
        var type = (string?)trace["type"] ?? "scatter";
        return type switch
        {
            "bar" => $"bar, {Count((string?)trace["orientation"] == "h" ? "y" : "x")} categories",
            "scatter" => $"scatter, {Count("x")} points",
            "heatmap" => $"heatmap, {Count("z")}×{(trace["z"] is JsonArray { Count: > 0 } z && z[0] is JsonArray row ? row.Count : 0)}",
            _ => type,
        };
    }

    // An empty object sets nothing, yet plotly.js's validator reports one it did not use (marker on a lines-only trace).
    private static void DropEmptyContainers(JsonObject container)
    {
        foreach (var (key, value) in container.ToList())
        {
            if (value is JsonObject child)
            {
                DropEmptyContainers(child);
                if (child.Count == 0)
                {
                    container.Remove(key);
                }
            }
        }
    }

    // JSON has no NaN; Newtonsoft writes "NaN", "Infinity", "-Infinity". In an array of numbers they become null (a gap).
    private static void ReplaceNonFiniteNumbers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj.ToList())
                {
                    ReplaceNonFiniteNumbers(value);
                }
                break;
            case JsonArray array:
                if (array.Any(IsNonFiniteString) && array.All(v => v is null || IsNonFiniteString(v) || v.GetValueKind() == System.Text.Json.JsonValueKind.Number))
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (IsNonFiniteString(array[i]))
                        {
                            array[i] = null;
                        }
                    }
                }
                foreach (var item in array)
                {
                    ReplaceNonFiniteNumbers(item);
                }
                break;
        }
    }

    private static bool IsNonFiniteString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String
        && (string?)value is "NaN" or "Infinity" or "-Infinity";
}
