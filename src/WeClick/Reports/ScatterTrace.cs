using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>
/// A scatter trace (<c>type: "scatter"</c>): points (x, y) drawn as lines, markers or both — loss curves, mIoU against
/// input frames, accuracy against FPS.
/// </summary>
/// <param name="X">The x coordinates.</param>
/// <param name="Y">The y coordinates (NaN: a gap).</param>
public sealed record ScatterTrace(IReadOnlyList<double> X, IReadOnlyList<double> Y) : Trace
{
    /// <inheritdoc/>
    public override string Type => "scatter";

    /// <summary>Lines, markers or both (default lines+markers).</summary>
    public ScatterMode Mode { get; init; } = ScatterMode.LinesAndMarkers;

    /// <summary>The line's dash pattern.</summary>
    public LineDash Dash { get; init; } = LineDash.Solid;

    /// <summary>The line and marker colour; null lets plotly pick.</summary>
    public string? Color { get; init; }

    /// <summary>The line width in pixels; null keeps plotly's default (2).</summary>
    public double? LineWidth { get; init; }

    /// <summary>The marker diameter in pixels; null keeps plotly's default (6).</summary>
    public double? MarkerSize { get; init; }

    /// <summary>Symmetric error bars on y (e.g. the std over seeds), one per point; null for none.</summary>
    public IReadOnlyList<double>? Errors { get; init; }

    /// <summary>A label per point (hover text, and shown beside it in <see cref="ScatterMode.MarkersAndText"/>).</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <inheritdoc/>
    public override string Describe() => $"scatter, {X.Count} points";

    /// <inheritdoc/>
    protected override void AddAttributes(JsonObject json)
    {
        if (X.Count != Y.Count)
        {
            throw new ArgumentException($"A scatter trace needs as many x as y values: {X.Count} x, {Y.Count} y.");
        }
        if (Text is not null && Text.Count != X.Count)
        {
            throw new ArgumentException($"A scatter trace needs one label per point: {X.Count} points, {Text.Count} labels.");
        }
        json["x"] = PlotlyJson.Numbers(X);
        json["y"] = PlotlyJson.Numbers(Y);
        json["mode"] = Mode switch
        {
            ScatterMode.Lines => "lines",
            ScatterMode.Markers => "markers",
            ScatterMode.MarkersAndText => "markers+text",
            _ => "lines+markers",
        };
        var line = new JsonObject { ["dash"] = Dash switch { LineDash.Dot => "dot", LineDash.Dash => "dash", LineDash.DashDot => "dashdot", _ => "solid" } };
        var marker = new JsonObject();
        if (Color is not null)
        {
            line["color"] = Color;
            marker["color"] = Color;
        }
        if (LineWidth is { } width)
        {
            line["width"] = width;
        }
        if (MarkerSize is { } size)
        {
            marker["size"] = size;
        }
        // plotly rejects a line container on a trace that draws no lines ("did not get coerced").
        if (Mode is ScatterMode.Lines or ScatterMode.LinesAndMarkers)
        {
            json["line"] = line;
        }
        if (marker.Count > 0)
        {
            json["marker"] = marker;
        }
        if (Errors is not null)
        {
            json["error_y"] = PlotlyJson.ErrorBars(Errors, X.Count);
        }
        if (Text is not null)
        {
            json["text"] = PlotlyJson.Strings(Text);
            if (Mode == ScatterMode.MarkersAndText)
            {
                json["textposition"] = "top center";
            }
        }
    }
}
