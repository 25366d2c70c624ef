using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>
/// One value shown several ways, keyed by MIME type — the shape Jupyter stores in a notebook output's <c>data</c> and
/// <c>metadata</c> (nbformat v4 "mimebundle"). Frontends pick the richest type they can render; <c>text/plain</c> is
/// always present so that every frontend (and a terminal) shows something.
/// </summary>
/// <remarks>
/// Text types (<c>text/*</c>, <c>image/svg+xml</c>) and base64 images (<c>image/png</c>) are stored as JSON strings;
/// JSON types (<c>application/json</c>, <c>application/*+json</c>, e.g. the Plotly figure
/// <c>application/vnd.plotly.v1+json</c>) as JSON objects, as nbformat and plotly.py do (research/ecosystem.md §1.3, §2.4).
/// </remarks>
public sealed class MimeBundle
{
    /// <summary>The plain-text MIME type every bundle carries.</summary>
    public const string PlainText = "text/plain";

    /// <summary>MIME type → value (a JSON string for text and images, any JSON value for JSON types).</summary>
    public Dictionary<string, JsonNode> Data { get; } = new(StringComparer.Ordinal);

    /// <summary>MIME type → display metadata (e.g. <c>{"image/png": {"width": 640}}</c>); usually empty.</summary>
    public Dictionary<string, JsonNode> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>A bundle with only its plain-text form.</summary>
    public MimeBundle(string plainText) => Data[PlainText] = JsonValue.Create(plainText);

    /// <summary>Adds (or replaces) a text-valued representation (<c>text/html</c>, <c>text/markdown</c>, <c>image/png</c> as base64, …).</summary>
    public MimeBundle With(string mimeType, string value)
    {
        Data[mimeType] = JsonValue.Create(value);
        return this;
    }

    /// <summary>Adds (or replaces) a JSON-valued representation (<c>application/vnd.plotly.v1+json</c>, <c>application/json</c>).</summary>
    public MimeBundle WithJson(string mimeType, JsonNode value)
    {
        if (!IsJsonMimeType(mimeType))
            throw new ArgumentException($"MIME type '{mimeType}' is not a JSON type (application/json or application/*+json); add it with With(mimeType, string).", nameof(mimeType));
        Data[mimeType] = value;
        return this;
    }

    /// <summary>The plain-text form.</summary>
    public string Text => Data[PlainText].GetValue<string>();

    /// <summary>True for <c>application/json</c> and <c>application/*+json</c>, whose values nbformat keeps as JSON.</summary>
    public static bool IsJsonMimeType(string mimeType) =>
        mimeType == "application/json" || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));
}
