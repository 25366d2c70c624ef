namespace WeClick.Torch.Vision;

/// <summary>The connected components of a mask: a label map and one statistics row per component.</summary>
/// <param name="Labels">int32 [H, W]: 0 for background, i for component i.</param>
/// <param name="Components">Index 0 is the background; 1..Count−1 are the components.</param>
public sealed record ConnectedComponents(Tensor Labels, IReadOnlyList<ComponentStatistics> Components) : IDisposable
{
    /// <summary>Number of foreground components (background excluded).</summary>
    public int Count => Components.Count - 1;

    /// <summary>Disposes <see cref="Labels"/>.</summary>
    public void Dispose() => Labels.Dispose();
}

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
