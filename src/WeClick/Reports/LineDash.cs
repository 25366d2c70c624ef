namespace WeClick.Reports;

/// <summary>The dash pattern of a line (plotly.js's <c>line.dash</c>).</summary>
public enum LineDash
{
    /// <summary><c>solid</c>.</summary>
    Solid,

    /// <summary><c>dot</c>.</summary>
    Dot,

    /// <summary><c>dash</c>.</summary>
    Dash,

    /// <summary><c>dashdot</c>.</summary>
    DashDot,
}
