using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Vision;

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
