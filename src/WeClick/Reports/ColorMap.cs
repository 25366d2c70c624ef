namespace WeClick.Reports;

/// <summary>How <see cref="ImagePanels.Map"/> colours a scalar map.</summary>
public enum ColorMap
{
    /// <summary>Black (low) to white (high).</summary>
    Grey,

    /// <summary>matplotlib's viridis: dark purple (low) through teal to yellow (high), readable in greyscale and by colour-blind readers.</summary>
    Viridis,
}
