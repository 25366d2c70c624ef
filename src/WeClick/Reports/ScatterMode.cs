namespace WeClick.Reports;

/// <summary>How a <see cref="ScatterTrace"/> draws its points (plotly.js's <c>mode</c> flaglist).</summary>
public enum ScatterMode
{
    /// <summary><c>lines</c>: a polyline through the points.</summary>
    Lines,

    /// <summary><c>markers</c>: a marker at each point.</summary>
    Markers,

    /// <summary><c>lines+markers</c>: both.</summary>
    LinesAndMarkers,

    /// <summary><c>markers+text</c>: a marker with its label beside it.</summary>
    MarkersAndText,
}
