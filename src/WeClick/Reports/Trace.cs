using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>
/// One trace of a <see cref="Figure"/>: an entry of the Plotly figure's <c>data</c> array (plotly.js
/// <c>src/traces/&lt;type&gt;/attributes.js</c>). Subclasses add their type's attributes; the common ones live here.
/// </summary>
public abstract record Trace
{
    /// <summary>The plotly.js trace type (<c>bar</c>, <c>scatter</c>, <c>heatmap</c>, <c>image</c>).</summary>
    public abstract string Type { get; }

    /// <summary>The legend entry and hover label; null leaves it out.</summary>
    public string? Name { get; init; }

    /// <summary>The x axis the trace is drawn on (<c>x</c>, <c>x2</c>, …) for subplots; null is the first.</summary>
    public string? XAxis { get; init; }

    /// <summary>The y axis the trace is drawn on (<c>y</c>, <c>y2</c>, …) for subplots; null is the first.</summary>
    public string? YAxis { get; init; }

    /// <summary>Whether the trace has a legend entry; null keeps plotly's default.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>The trace as plotly.js JSON: <c>type</c>, the common attributes, then the type's own.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        if (Name is not null)
        {
            json["name"] = Name;
        }
        if (XAxis is not null)
        {
            json["xaxis"] = XAxis;
        }
        if (YAxis is not null)
        {
            json["yaxis"] = YAxis;
        }
        if (ShowLegend is { } show)
        {
            json["showlegend"] = show;
        }
        AddAttributes(json);
        return json;
    }

    /// <summary>A short description for text/plain, e.g. "bar, 11 categories".</summary>
    public abstract string Describe();

    /// <summary>Adds the type's own attributes to <paramref name="json"/>.</summary>
    protected abstract void AddAttributes(JsonObject json);
}
