using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>
/// An image trace (<c>type: "image"</c>) drawn from a PNG: <c>source</c> is a <c>data:image/png;base64,…</c> URI, so the
/// figure carries no pixel arrays (a 512×1024 frame as <c>z</c> would be megabytes of JSON). plotly.js reverses the y axis
/// of image subplots itself and keeps pixels square.
/// </summary>
/// <param name="Png">The PNG file's bytes (e.g. <see cref="WeClick.Vision.Image.EncodePng"/>).</param>
public sealed record ImageTrace(byte[] Png) : Trace
{
    /// <inheritdoc/>
    public override string Type => "image";

    /// <summary>The <c>source</c> attribute: the PNG as a data URI.</summary>
    public string Source => "data:image/png;base64," + Convert.ToBase64String(Png);

    /// <inheritdoc/>
    public override string Describe() => "image";

    /// <inheritdoc/>
    protected override void AddAttributes(JsonObject json)
    {
        json["source"] = Source;
        // Hovering would show the whole data URI's pixel values; the panel title says what the image is.
        json["hoverinfo"] = "skip";
    }
}
