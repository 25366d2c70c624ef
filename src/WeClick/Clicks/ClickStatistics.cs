using System.Globalization;

namespace WeClick.Clicks;

/// <summary>
/// How much supervision a set of clicks gives: clicks per image, clicks per class, and the fraction of the
/// labelled (non-ignored) pixels that the rasterised clicks cover (WeClick §4.2 reports about one click per object).
/// </summary>
/// <param name="Images">Number of images.</param>
/// <param name="TotalClicks">Number of clicks over all images.</param>
/// <param name="MeanClicksPerImage">Mean clicks per image.</param>
/// <param name="MinClicksPerImage">Fewest clicks on one image.</param>
/// <param name="MaxClicksPerImage">Most clicks on one image.</param>
/// <param name="ClicksPerClass">Clicks per class id, ascending by id.</param>
/// <param name="Radius">The click radius the pixel counts are taken at.</param>
/// <param name="ClickedPixels">Pixels covered by the rasterised clicks (disks of <paramref name="Radius"/>, clipped to each image).</param>
/// <param name="ValidPixels">Non-ignored pixels (<see cref="ImageClicks.ValidPixels"/>, or H·W where unknown).</param>
public sealed record ClickStatistics(int Images, int TotalClicks, double MeanClicksPerImage, int MinClicksPerImage, int MaxClicksPerImage,
    IReadOnlyDictionary<int, int> ClicksPerClass, int Radius, long ClickedPixels, long ValidPixels)
{
    /// <summary>ClickedPixels / ValidPixels (0 when there are no valid pixels).</summary>
    public double LabelledPixelFraction => ValidPixels == 0 ? 0 : (double)ClickedPixels / ValidPixels;

    /// <summary>Statistics of <paramref name="images"/> with clicks rasterised at <paramref name="radius"/>.</summary>
    /// <exception cref="ArgumentException">A click lies outside its image.</exception>
    public static ClickStatistics Compute(IReadOnlyList<ImageClicks> images, int radius = 0)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var perClass = new SortedDictionary<int, int>();
        long clicked = 0, valid = 0;
        foreach (var image in images)
        {
            foreach (var click in image.Clicks)
            {
                perClass[click.ClassId] = perClass.GetValueOrDefault(click.ClassId) + 1;
            }
            clicked += ClickMap.LabelledPixels(image.Clicks, image.Height, image.Width, radius).Count;
            valid += image.ValidPixels ?? (long)image.Height * image.Width;
        }
        var counts = images.Select(i => i.Clicks.Count).ToList();
        return new ClickStatistics(images.Count, counts.Sum(), counts.Count == 0 ? 0 : counts.Average(),
            counts.Count == 0 ? 0 : counts.Min(), counts.Count == 0 ? 0 : counts.Max(),
            perClass, radius, clicked, valid);
    }

    /// <summary>Rows (quantity, value) for a table; classes are named from <paramref name="classNames"/> where given.</summary>
    public IReadOnlyList<(string Quantity, string Value)> ToRows(IReadOnlyList<string>? classNames = null)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = new List<(string, string)>
        {
            ("images", Images.ToString(c)),
            ("clicks", TotalClicks.ToString(c)),
            ("clicks per image (mean, min, max)", string.Create(c, $"{MeanClicksPerImage:0.##}, {MinClicksPerImage}, {MaxClicksPerImage}")),
            ($"labelled pixel fraction (radius {Radius})", string.Create(c, $"{LabelledPixelFraction:0.#####%} ({ClickedPixels} / {ValidPixels})")),
        };
        foreach (var (classId, count) in ClicksPerClass)
        {
            var name = classNames is not null && classId < classNames.Count ? $"{classNames[classId]} ({classId})" : classId.ToString(c);
            rows.Add(($"clicks of class {name}", count.ToString(c)));
        }
        return rows;
    }

    /// <summary>The rows of <see cref="ToRows"/>, one "quantity: value" per line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, ToRows().Select(r => $"{r.Quantity}: {r.Value}"));
}
