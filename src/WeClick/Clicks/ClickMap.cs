using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Clicks;

/// <summary>
/// Clicks as a sparse label map, and clicks moved by geometric augmentation. Augment the points first and
/// rasterise afterwards (algorithms.md §2.4): resizing a one-pixel click image with nearest neighbour at scale
/// s &lt; 1 loses about 1 − s² of the clicks, whereas a moved point always survives (unless cropped away).
/// </summary>
public static class ClickMap
{
    /// <summary>
    /// A uint8 [<paramref name="height"/>, <paramref name="width"/>] label map holding <paramref name="ignoreIndex"/>
    /// everywhere except the clicked pixels, which hold their class (the partial labels of WeClick §3.2, Eq. 1).
    /// With <paramref name="radius"/> r &gt; 0 each click labels the disk of pixels with dx² + dy² ≤ r² around it,
    /// clipped to the image (r = 2: 13 pixels). Where disks of several clicks overlap, a pixel takes the class of the
    /// nearest click (the earlier click in the list on a tie).
    /// </summary>
    /// <exception cref="ArgumentException">A click lies outside the image, or its class is not in 0..255 or equals
    /// <paramref name="ignoreIndex"/>; the message names the click.</exception>
    public static Tensor Rasterize(IReadOnlyList<Click> clicks, int height, int width, int radius = 0, int ignoreIndex = 255)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        if (ignoreIndex is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(ignoreIndex), ignoreIndex, "The ignore index of a uint8 click map must be in 0..255.");
        }
        foreach (var click in clicks)
        {
            if (click.ClassId is < 0 or > 255 || click.ClassId == ignoreIndex)
            {
                throw new ArgumentException($"{click}: class {click.ClassId} cannot be written to a uint8 click map with ignore index {ignoreIndex}.", nameof(clicks));
            }
        }
        var pixels = LabelledPixels(clicks, height, width, radius);
        using var scope = NewDisposeScope();
        var indices = new long[pixels.Count];
        var classes = new byte[pixels.Count];
        var i = 0;
        foreach (var (index, classId) in pixels)
        {
            indices[i] = index;
            classes[i++] = (byte)classId;
        }
        var map = full([(long)height * width], ignoreIndex, ScalarType.Byte);
        if (indices.Length > 0)
        {
            map.scatter_(0, tensor(indices), tensor(classes));
        }
        return map.view(height, width).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Moves clicks through the geometric augmentation of their image: resize by (<paramref name="scaleX"/>,
    /// <paramref name="scaleY"/>), then crop the window at (<paramref name="cropX"/>, <paramref name="cropY"/>) of
    /// <paramref name="cropWidth"/>×<paramref name="cropHeight"/> (offsets may be negative where the image is padded),
    /// then flip the crop left–right if <paramref name="flipHorizontal"/>. Clicks that leave the crop are dropped.
    /// </summary>
    /// <remarks>
    /// The resize follows OpenCV's nearest-neighbour rule, which is how label maps are resized
    /// (<c>Image.Resize(label, h, w, Interpolation.Nearest)</c>: destination pixel d shows source pixel
    /// <c>floor(d / scale)</c>). A click at source column x moves to the first destination column that shows x,
    /// <c>ceil(x·scale)</c>, so that it lands on its own pixel in the resized label. When shrinking skips x (no
    /// destination shows it), the click moves to the neighbouring destination column whose source column is closest
    /// to x (the left one on a tie): it is never lost, but on an object one pixel thick it may land beside it.
    /// Rows likewise. Then <c>x' = x_resized − cropX</c>, and <c>x'' = cropWidth − 1 − x'</c> when flipped.
    /// Pass the exact ratios of the integer sizes used for the label, <c>scaleX = resizedWidth / (double)width</c>.
    /// Class, instance and area are kept (the area is the original one).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A scale is not positive and finite, or the crop is empty.</exception>
    public static IReadOnlyList<Click> Transform(IReadOnlyList<Click> clicks, double scaleX, double scaleY,
        int cropX, int cropY, int cropWidth, int cropHeight, bool flipHorizontal = false)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        if (!(scaleX > 0) || !(scaleY > 0) || !double.IsFinite(scaleX) || !double.IsFinite(scaleY))
        {
            throw new ArgumentOutOfRangeException(nameof(scaleX), $"Scales must be positive and finite, not ({scaleX}, {scaleY}).");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropHeight);
        var moved = new List<Click>(clicks.Count);
        foreach (var click in clicks)
        {
            var x = ResizedIndex(click.X, scaleX) - cropX;
            var y = ResizedIndex(click.Y, scaleY) - cropY;
            if (x < 0 || y < 0 || x >= cropWidth || y >= cropHeight)
            {
                continue;
            }
            if (flipHorizontal)
            {
                x = cropWidth - 1 - x;
            }
            moved.Add(click with { X = (int)x, Y = (int)y });
        }
        return moved;
    }

    // The destination index showing source index i under OpenCV's INTER_NEAREST (resizeNN: src = floor(dst · (1/scale))),
    // or, where the resize skips i, the neighbouring destination whose source is closest to i (the lower one on a tie).
    private static long ResizedIndex(int i, double scale)
    {
        var inverse = 1.0 / scale; // as OpenCV computes it, so that the floors agree
        long Source(long d) => (long)Math.Floor(d * inverse);
        var first = (long)Math.Ceiling(i * scale);
        while (first > 0 && Source(first - 1) >= i)
        {
            first--; // guard against ceil rounding up past the first destination that shows i
        }
        while (Source(first) < i)
        {
            first++;
        }
        if (Source(first) == i || first == 0)
        {
            return first;
        }
        return i - Source(first - 1) <= Source(first) - i ? first - 1 : first;
    }

    /// <summary>The labelled pixels (flat index y·width + x → class) of the clicks' disks, nearest click winning.</summary>
    internal static Dictionary<long, int> LabelledPixels(IReadOnlyList<Click> clicks, int height, int width, int radius)
    {
        var best = new Dictionary<long, (int Distance, int ClassId)>();
        foreach (var click in clicks)
        {
            if (click.X < 0 || click.Y < 0 || click.X >= width || click.Y >= height)
            {
                throw new ArgumentException($"{click} lies outside the {width}×{height} image.", nameof(clicks));
            }
            for (var dy = -radius; dy <= radius; dy++)
            {
                for (var dx = -radius; dx <= radius; dx++)
                {
                    int x = click.X + dx, y = click.Y + dy, d = dx * dx + dy * dy;
                    if (d > radius * radius || x < 0 || y < 0 || x >= width || y >= height)
                    {
                        continue;
                    }
                    var index = (long)y * width + x;
                    if (!best.TryGetValue(index, out var current) || d < current.Distance)
                    {
                        best[index] = (d, click.ClassId);
                    }
                }
            }
        }
        return best.ToDictionary(p => p.Key, p => p.Value.ClassId);
    }
}
