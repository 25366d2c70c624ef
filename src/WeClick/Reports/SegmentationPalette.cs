using TorchSharp;
using WeClick.Data;
using static TorchSharp.torch;

namespace WeClick.Reports;

/// <summary>
/// Colours of class maps: the official Cityscapes colours for its 19 classes and SegNet's CamVid colours for 11-class
/// sets (CamVid and the synthetic video, which share the classes); void is black.
/// </summary>
public static class SegmentationPalette
{
    private static readonly byte[,] CityscapesColors =
    {
        { 128, 64, 128 }, { 244, 35, 232 }, { 70, 70, 70 }, { 102, 102, 156 }, { 190, 153, 153 }, { 153, 153, 153 },
        { 250, 170, 30 }, { 220, 220, 0 }, { 107, 142, 35 }, { 152, 251, 152 }, { 70, 130, 180 }, { 220, 20, 60 },
        { 255, 0, 0 }, { 0, 0, 142 }, { 0, 0, 70 }, { 0, 60, 100 }, { 0, 80, 100 }, { 0, 0, 230 }, { 119, 11, 32 },
    };

    private static readonly byte[,] CamVidColors =
    {
        { 128, 128, 128 }, { 128, 0, 0 }, { 192, 192, 128 }, { 128, 64, 128 }, { 60, 40, 222 }, { 128, 128, 0 },
        { 192, 128, 128 }, { 64, 64, 128 }, { 64, 0, 128 }, { 64, 64, 0 }, { 0, 128, 192 },
    };

    /// <summary>RGB colours of <paramref name="classes"/>, one row per class (a generated palette beyond the known sets).</summary>
    public static byte[,] For(ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var known = classes.Count == 19 ? CityscapesColors : classes.Count == 11 ? CamVidColors : null;
        if (known is not null)
        {
            return (byte[,])known.Clone();
        }
        var colors = new byte[classes.Count, 3];
        for (var c = 0; c < classes.Count; c++)
        {
            // Golden-angle hues: distinct neighbours for any count.
            var hue = c * 137.508 % 360 / 60;
            var x = (int)(255 * (1 - Math.Abs(hue % 2 - 1)));
            (int r, int g, int b) = ((int)hue) switch { 0 => (255, x, 0), 1 => (x, 255, 0), 2 => (0, 255, x), 3 => (0, x, 255), 4 => (x, 0, 255), _ => (255, 0, x) };
            (colors[c, 0], colors[c, 1], colors[c, 2]) = ((byte)r, (byte)g, (byte)b);
        }
        return colors;
    }

    /// <summary>The "#rrggbb" colour of class <paramref name="index"/>.</summary>
    public static string Hex(ClassSet classes, int index)
    {
        var colors = For(classes);
        return $"#{colors[index, 0]:x2}{colors[index, 1]:x2}{colors[index, 2]:x2}";
    }

    /// <summary>Colours a class map (integer [H, W]; values outside 0..C−1, e.g. void 255, become black) as uint8 [H, W, 3].</summary>
    public static Tensor Colorize(Tensor labels, ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dim() != 2)
        {
            throw new ArgumentException($"Colorize: expected a [H, W] class map, got [{string.Join(", ", labels.shape)}].", nameof(labels));
        }
        var colors = For(classes);
        var table = new byte[(classes.Count + 1) * 3];
        for (var c = 0; c < classes.Count; c++)
        {
            table[3 * c] = colors[c, 0];
            table[3 * c + 1] = colors[c, 1];
            table[3 * c + 2] = colors[c, 2];
        }
        using var scope = NewDisposeScope();
        var lut = tensor(table, [classes.Count + 1, 3], device: labels.device);
        var index = labels.to(ScalarType.Int64);
        var outside = index.lt(0).logical_or(index.ge(classes.Count));
        index = index.masked_fill(outside, classes.Count); // the black row
        return lut.index_select(0, index.flatten()).view(labels.size(0), labels.size(1), 3).MoveToOuterDisposeScope();
    }
}
