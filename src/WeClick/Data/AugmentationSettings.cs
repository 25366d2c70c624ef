namespace WeClick.Data;

/// <summary>
/// Clip augmentation settings (GCRF/ETC style, algorithms.md §4.1 "Augmentation"): one random scale, a crop, a flip.
/// </summary>
/// <param name="MinScale">Smallest scale factor (0.5).</param>
/// <param name="MaxScale">Largest scale factor (2.0).</param>
/// <param name="CropHeight">Output height; null keeps the resized height (no crop).</param>
/// <param name="CropWidth">Output width; null keeps the resized width.</param>
/// <param name="FlipProbability">Probability of a horizontal flip (0.5).</param>
public sealed record AugmentationSettings(double MinScale = 0.5, double MaxScale = 2.0, int? CropHeight = null, int? CropWidth = null, double FlipProbability = 0.5)
{
    /// <summary>No geometric change (scale 1, no crop, no flip).</summary>
    public static AugmentationSettings None { get; } = new(1, 1, null, null, 0);
}
