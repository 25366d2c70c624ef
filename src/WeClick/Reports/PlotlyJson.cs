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
    public static JsonObject Title(string text) => new() { ["text"] = text };
}
