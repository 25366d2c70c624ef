namespace WeClick.Vision;

/// <summary>Statistics of one component.</summary>
/// <param name="Index">The component's value in the label map.</param>
/// <param name="Left">Bounding box: leftmost column.</param>
/// <param name="Top">Bounding box: top row.</param>
/// <param name="Width">Bounding box width.</param>
/// <param name="Height">Bounding box height.</param>
/// <param name="Area">Number of pixels.</param>
/// <param name="CentroidX">Mean column of its pixels.</param>
/// <param name="CentroidY">Mean row of its pixels.</param>
public sealed record ComponentStatistics(int Index, int Left, int Top, int Width, int Height, int Area, double CentroidX, double CentroidY);
