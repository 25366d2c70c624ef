namespace WeClick.Clicks;

/// <summary>The clicks of one image, as <see cref="ClickFile"/> stores them.</summary>
/// <param name="Image">The image's name or relative path (e.g. <c>aachen_000000_000019</c>).</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Clicks">The clicks, in the image's pixel coordinates.</param>
/// <param name="ValidPixels">Number of non-ignored pixels of the dense label (for the labelled-pixel fraction of
/// <see cref="ClickStatistics"/>), or null where unknown (then H·W is used).</param>
public sealed record ImageClicks(string Image, int Height, int Width, IReadOnlyList<Click> Clicks, long? ValidPixels = null);
