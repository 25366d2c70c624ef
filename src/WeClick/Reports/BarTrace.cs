using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>
/// A bar trace (<c>type: "bar"</c>): one bar per category. Vertical bars put the categories on x and the values on y;
/// horizontal ones (<see cref="Horizontal"/>) swap them, as plotly.js's <c>orientation: "h"</c> expects.
/// </summary>
/// <param name="Categories">The category of each bar.</param>
/// <param name="Values">The bar heights (NaN: no bar).</param>
public sealed record BarTrace(IReadOnlyList<string> Categories, IReadOnlyList<double> Values) : Trace
{
    /// <inheritdoc/>
    public override string Type => "bar";

    /// <summary>Horizontal bars (<c>orientation: "h"</c>) instead of vertical ones.</summary>
    public bool Horizontal { get; init; }

    /// <summary>Text shown on each bar (e.g. the formatted value); null for none.</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>The bars' colour ("#4e79a7"); null lets plotly pick from its colourway.</summary>
    public string? Color { get; init; }

    /// <summary>Symmetric error bars on the values (e.g. the std over seeds), one per bar; null for none.</summary>
    public IReadOnlyList<double>? Errors { get; init; }

    /// <inheritdoc/>
    public override string Describe() => $"bar, {Categories.Count} categories";

    /// <inheritdoc/>
    protected override void AddAttributes(JsonObject json)
    {
        if (Categories.Count != Values.Count)
        {
            throw new ArgumentException($"A bar trace needs one value per category: {Categories.Count} categories, {Values.Count} values.");
        }
        json[Horizontal ? "y" : "x"] = PlotlyJson.Strings(Categories);
        json[Horizontal ? "x" : "y"] = PlotlyJson.Numbers(Values);
        json["orientation"] = Horizontal ? "h" : "v";
        if (Text is not null)
        {
            json["text"] = PlotlyJson.Strings(Text);
        }
        if (Color is not null)
        {
            json["marker"] = new JsonObject { ["color"] = Color };
        }
        if (Errors is not null)
        {
            json[Horizontal ? "error_x" : "error_y"] = PlotlyJson.ErrorBars(Errors, Values.Count);
        }
    }
}
