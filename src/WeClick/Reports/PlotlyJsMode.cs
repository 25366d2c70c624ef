namespace WeClick.Reports;

/// <summary>Where a figure's HTML gets plotly.js from (see <see cref="PlotlyJs"/>).</summary>
public enum PlotlyJsMode
{
    /// <summary>The installed plotly.min.js, referenced as a <c>file://</c> URL (<see cref="PlotlyJs.Locate"/>): works in
    /// HTML opened from disk (nbconvert output), not in pages served over http, where browsers block file:// scripts:
    /// there the figure shows only where the frontend renders the Plotly MIME type itself (VS Code; JupyterLab with
    /// plotly's renderer extension), else use <see cref="Inline"/>.</summary>
    LocalFile,

    /// <summary>The whole library inlined into each figure's HTML (≈4.5 MB): fully self-contained, works anywhere.</summary>
    Inline,

    /// <summary>A URL relative to the page (<see cref="PlotlyJs.Url"/>, e.g. <c>plotly.min.js</c> copied beside a report).</summary>
    RelativeUrl,
}
