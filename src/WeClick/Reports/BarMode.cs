namespace WeClick.Reports;

/// <summary>How bars of several traces at one category share it (plotly.js's <c>layout.barmode</c>).</summary>
public enum BarMode
{
    /// <summary><c>group</c>: side by side.</summary>
    Group,

    /// <summary><c>stack</c>: on top of each other.</summary>
    Stack,

    /// <summary><c>overlay</c>: over each other.</summary>
    Overlay,

    /// <summary><c>relative</c>: stacked, negative values below the axis.</summary>
    Relative,
}
