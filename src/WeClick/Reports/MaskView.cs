using System.Globalization;
using TorchSharp;
using WeClick.Data;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Reports;

/// <summary>
/// A class map shown as a picture in a notebook: <c>image/png</c> in class colours (<see cref="SegmentationPalette"/>,
/// void black) — or blended over the frame when one is given — and <c>text/plain</c> with the size and the share of each
/// class. The view encodes the PNG when built and keeps no tensor.
/// </summary>
public sealed class MaskView : IMimeRenderable
{
    /// <summary>A view of <paramref name="labels"/>.</summary>
    /// <param name="labels">Class indices, integer [H, W] (void = the class set's ignore index, or any value outside 0..C − 1).</param>
    /// <param name="classes">The class set (names and colours).</param>
    /// <param name="image">An optional frame, uint8 [H, W, 3] RGB, to draw the colours over.</param>
    /// <param name="opacity">The colours' weight over the frame in [0, 1]; void pixels show the frame unchanged.</param>
    /// <exception cref="ArgumentException">The labels are not [H, W], the frame's size differs, or the opacity is outside [0, 1].</exception>
    public MaskView(Tensor labels, ClassSet classes, Tensor? image = null, double opacity = 0.5)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentOutOfRangeException.ThrowIfLessThan(opacity, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(opacity, 1.0);
        if (labels.dim() != 2)
        {
            throw new ArgumentException($"MaskView: expected a [H, W] class map, got [{string.Join(", ", labels.shape)}].", nameof(labels));
        }
        (Height, Width) = ((int)labels.size(0), (int)labels.size(1));
        Classes = classes;
        var values = HostArrays.ToArray<long>(labels);
        var counts = new long[classes.Count];
        foreach (var v in values)
        {
            if (v >= 0 && v < classes.Count)
            {
                counts[v]++;
            }
        }
        ClassPixels = counts;
        using var scope = NewDisposeScope();
        var colours = SegmentationPalette.Colorize(labels.cpu(), classes);
        if (image is not null)
        {
            if (image.dtype != ScalarType.Byte || !image.shape.SequenceEqual([Height, Width, 3L]))
            {
                throw new ArgumentException($"MaskView: the frame must be uint8 [{Height}, {Width}, 3], got {image.dtype} [{string.Join(", ", image.shape)}].", nameof(image));
            }
            var frame = HostArrays.ToArray<byte>(image);
            var colour = HostArrays.ToArray<byte>(colours);
            var blended = new byte[frame.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var isClass = values[i] >= 0 && values[i] < classes.Count;
                for (var c = 0; c < 3; c++)
                {
                    blended[3 * i + c] = isClass ? (byte)Math.Round((1 - opacity) * frame[3 * i + c] + opacity * colour[3 * i + c]) : frame[3 * i + c];
                }
            }
            colours = tensor(blended, [Height, Width, 3]);
        }
        Png = Image.EncodePng(colours);
    }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>The class set.</summary>
    public ClassSet Classes { get; }

    /// <summary>Pixels of each class (index = class); void pixels are in none.</summary>
    public IReadOnlyList<long> ClassPixels { get; }

    /// <summary>The picture as a PNG file.</summary>
    public byte[] Png { get; }

    /// <summary>One line: size and the classes present by share, e.g. <c>Mask 4×6: road 50.0%, sky 25.0%, void 25.0%</c>.</summary>
    public string Describe()
    {
        var total = (double)Height * Width;
        var shares = ClassPixels.Select((n, c) => (Name: Classes.Names[c], Count: n)).Where(x => x.Count > 0).OrderByDescending(x => x.Count)
            .Select(x => $"{x.Name} {(100 * x.Count / total).ToString("F1", CultureInfo.InvariantCulture)}%").ToList();
        var voids = total - ClassPixels.Sum();
        if (voids > 0)
        {
            shares.Add($"void {(100 * voids / total).ToString("F1", CultureInfo.InvariantCulture)}%");
        }
        return $"Mask {Height}×{Width}: {string.Join(", ", shares)}";
    }

    /// <inheritdoc/>
    /// <remarks>image/png (base64) and text/plain.</remarks>
    public MimeBundle ToMimeBundle() => new MimeBundle(Describe()).With("image/png", Convert.ToBase64String(Png));

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
