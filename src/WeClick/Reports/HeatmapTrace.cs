using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>
/// A heatmap trace (<c>type: "heatmap"</c>): <c>z[i][j]</c> is drawn in the i-th row (y) and j-th column (x). plotly
/// puts row 0 at the bottom; matrices read top-down, so their figures reverse the y axis
/// (<see cref="Axis.Reversed"/>), as <see cref="Charts.Heatmap"/> does.
/// </summary>
/// <param name="Z">The values, one array per row, all rows the same length (NaN: an empty cell).</param>
public sealed record HeatmapTrace(IReadOnlyList<IReadOnlyList<double>> Z) : Trace
{
    /// <inheritdoc/>
    public override string Type => "heatmap";

    /// <summary>Column labels (one per column); null numbers them.</summary>
    public IReadOnlyList<string>? X { get; init; }

    /// <summary>Row labels (one per row); null numbers them.</summary>
    public IReadOnlyList<string>? Y { get; init; }

    /// <summary>A named plotly colour scale (<c>Viridis</c>, <c>Blues</c>, <c>Greys</c>, …).</summary>
    public string ColorScale { get; init; } = "Viridis";

    /// <summary>Reverses the colour scale (for <c>Blues</c>: dark = high).</summary>
    public bool ReverseScale { get; init; }

    /// <summary>The value drawn with the lowest colour; null takes the data's minimum.</summary>
    public double? ZMin { get; init; }

    /// <summary>The value drawn with the highest colour; null takes the data's maximum.</summary>
    public double? ZMax { get; init; }

    /// <summary>The colour bar's title; null for none.</summary>
    public string? ColorBarTitle { get; init; }

    /// <summary>Text drawn in each cell (same shape as <see cref="Z"/>); null for none.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Text { get; init; }

    /// <inheritdoc/>
    public override string Describe() => $"heatmap, {Z.Count}×{(Z.Count == 0 ? 0 : Z[0].Count)}";

    /// <inheritdoc/>
    protected override void AddAttributes(JsonObject json)
    {
        var columns = Z.Count == 0 ? 0 : Z[0].Count;
        if (Z.Any(row => row.Count != columns))
        {
            throw new ArgumentException($"A heatmap needs rows of one length: {string.Join(", ", Z.Select(r => r.Count).Distinct())}.");
        }
        if (X is not null && X.Count != columns)
        {
            throw new ArgumentException($"A heatmap with {columns} columns needs {columns} x labels, got {X.Count}.");
        }
        if (Y is not null && Y.Count != Z.Count)
        {
            throw new ArgumentException($"A heatmap with {Z.Count} rows needs {Z.Count} y labels, got {Y.Count}.");
        }
        json["z"] = new JsonArray(Z.Select(row => (JsonNode?)PlotlyJson.Numbers(row)).ToArray());
        if (X is not null)
        {
            json["x"] = PlotlyJson.Strings(X);
        }
        if (Y is not null)
        {
            json["y"] = PlotlyJson.Strings(Y);
        }
        json["colorscale"] = ColorScale;
        if (ReverseScale)
        {
            json["reversescale"] = true;
        }
        if (ZMin is { } min)
        {
            json["zmin"] = min;
        }
        if (ZMax is { } max)
        {
            json["zmax"] = max;
        }
        if (ColorBarTitle is not null)
        {
            json["colorbar"] = new JsonObject { ["title"] = PlotlyJson.Title(ColorBarTitle) };
        }
        if (Text is not null)
        {
            json["text"] = new JsonArray(Text.Select(row => (JsonNode?)PlotlyJson.Strings(row)).ToArray());
            json["texttemplate"] = "%{text}";
        }
    }
}
