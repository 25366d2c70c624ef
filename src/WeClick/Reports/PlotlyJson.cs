using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>JSON values as plotly.js reads them: missing numbers (NaN, ±∞) are <c>null</c>, which plotly draws as gaps.</summary>
internal static class PlotlyJson
{
    /// <summary>A number, or null when it is not finite (JSON has no NaN).</summary>
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    /// <summary>An array of numbers, non-finite ones as null.</summary>
    public static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(Number).ToArray());

    /// <summary>An array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>An object <c>{"text": title}</c>: plotly.js 3+ rejects a plain string as a title.</summary>
    /// <summary>plotly.js's symmetric error bars from one value per point (<c>{type: "data", array, visible}</c>).</summary>
    /// <exception cref="ArgumentException">Not one error per point.</exception>
    public static JsonObject ErrorBars(IReadOnlyList<double> errors, int points)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count != points)
        {
            throw new ArgumentException($"Error bars need one value per point: {points} points, {errors.Count} errors.", nameof(errors));
        }
        return new JsonObject { ["type"] = "data", ["array"] = Numbers(errors), ["visible"] = true };
    }

    public static JsonObject Title(string text) => new() { ["text"] = text };
}
