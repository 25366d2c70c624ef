using TorchSharp;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>
/// Clip-consistent geometric augmentation: ONE random scale in [min, max], one crop window and one flip decision per
/// clip, applied identically to every frame, the label, instances, the validity mask, the clicks (moved as points,
/// dropped outside the crop; algorithms.md §2.4) and the flows (vectors scaled, u negated on a flip; §4.1). Images
/// are resized with area interpolation when shrinking and bilinear when enlarging, labels/instances/validity with
/// nearest. Padding, where the resized frame is smaller than the crop: images 0, labels 255 (ignore), instances 0,
/// validity 0, flows 0 with flow validity 0.
/// </summary>
public sealed class ClipAugmentation(AugmentationSettings settings)
{
    /// <summary>The settings.</summary>
    public AugmentationSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>
    /// Draws the parameters for a frame of <paramref name="height"/>×<paramref name="width"/>: scale uniform in
    /// [min, max]; a window offset uniform over every position where the window lies inside the resized frame (or, where
    /// the frame is smaller than the crop, over every position where the frame lies inside the window); flip with the
    /// flip probability. The draw order (scale, offset y, offset x, flip) is fixed so that a seed gives the same clip.
    /// </summary>
    public AugmentationParameters Sample(long height, long width, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var s = Settings;
        if (s.MinScale <= 0 || s.MaxScale < s.MinScale)
        {
            throw new ArgumentOutOfRangeException(nameof(Settings), $"The scale range [{s.MinScale}, {s.MaxScale}] must satisfy 0 < min ≤ max.");
        }
        var scale = s.MinScale + random.NextDouble() * (s.MaxScale - s.MinScale);
        var scaledH = Math.Max(1, (int)Math.Round(height * scale));
        var scaledW = Math.Max(1, (int)Math.Round(width * scale));
        var cropH = s.CropHeight ?? scaledH;
        var cropW = s.CropWidth ?? scaledW;
        if (cropH < 1 || cropW < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Settings), $"The crop {cropH}×{cropW} must be positive.");
        }
        var offsetY = Offset(scaledH, cropH, random);
        var offsetX = Offset(scaledW, cropW, random);
        var flip = random.NextDouble() < s.FlipProbability;
        return new AugmentationParameters(scaledH, scaledW, offsetY, offsetX, cropH, cropW, flip);
    }

    /// <summary>Draws parameters for the clip and applies them (see <see cref="Apply(Clip, AugmentationParameters)"/>).</summary>
    public Clip Apply(Clip clip, Random random)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return Apply(clip, Sample(clip.Height, clip.Width, random));
    }

    /// <summary>
    /// A new clip: every tensor of <paramref name="clip"/> resized, cropped/padded and flipped with <paramref name="p"/>.
    /// The input clip is left untouched (the caller disposes it).
    /// </summary>
    public static Clip Apply(Clip clip, AugmentationParameters p)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(p);
        var (h, w) = (clip.Height, clip.Width);
        var enlarging = p.ScaledHeight * p.ScaledWidth > h * w;
        var imageInterpolation = enlarging ? Interpolation.Bilinear : Interpolation.Area;
        var neighbours = new List<ClipFrame>(clip.Neighbours.Count);
        foreach (var frame in clip.Neighbours)
        {
            neighbours.Add(new ClipFrame(frame.Index, Map(frame.Image, p, imageInterpolation, 0), frame.Path)
            {
                Flow = frame.Flow is null ? null : MapFlow(frame.Flow, p, imageInterpolation, h, w),
                FlowValid = frame.FlowValid is null ? null : Map(frame.FlowValid, p, Interpolation.Nearest, 0),
            });
        }
        var clicks = new List<PointLabel>(clip.Clicks.Count);
        foreach (var click in clip.Clicks)
        {
            var (x, y) = p.Transform(click.X, click.Y, h, w);
            // Keep a click only where it lands on a real (cropped, non-padded) pixel.
            var (rx, ry) = (Math.Round(x, MidpointRounding.AwayFromZero), Math.Round(y, MidpointRounding.AwayFromZero));
            if (rx >= 0 && ry >= 0 && rx < p.CropWidth && ry < p.CropHeight && InsideResized(rx, ry, p))
            {
                clicks.Add(click with { X = x, Y = y });
            }
        }
        return new Clip(clip.Name, clip.TargetIndex,
            Map(clip.Image, p, imageInterpolation, 0),
            Map(clip.Label, p, Interpolation.Nearest, 255),
            Map(clip.Valid, p, Interpolation.Nearest, 0),
            neighbours)
        {
            Clicks = clicks,
            Instances = clip.Instances is null ? null : Map(clip.Instances, p, Interpolation.Nearest, 0),
            ImagePath = clip.ImagePath,
            LabelPath = clip.LabelPath,
        };
    }

    // Is the output pixel (x, y) taken from the resized frame rather than from padding?
    private static bool InsideResized(double x, double y, AugmentationParameters p)
    {
        var column = (p.Flip ? p.CropWidth - 1 - x : x) + p.OffsetX;
        var row = y + p.OffsetY;
        return column >= 0 && row >= 0 && column < p.ScaledWidth && row < p.ScaledHeight;
    }

    // Window offset: inside the frame where it is larger than the crop, else the frame anywhere inside the window.
    private static int Offset(int scaled, int crop, Random random)
    {
        var (low, high) = (Math.Min(0, scaled - crop), Math.Max(0, scaled - crop));
        return random.Next(low, high + 1);
    }

    // [H, W] or [H, W, C] map: resize, crop/pad, flip.
    private static Tensor Map(Tensor t, AugmentationParameters p, Interpolation interpolation, double pad)
    {
        using var scope = NewDisposeScope();
        var resized = t.size(0) == p.ScaledHeight && t.size(1) == p.ScaledWidth
            ? t
            : Image.Resize(t.contiguous(), p.ScaledHeight, p.ScaledWidth, interpolation);
        var cropped = CropPad(resized, p, pad);
        var result = p.Flip ? cropped.flip(1) : cropped;
        // Never hand back the input's storage: the new clip must own its tensors.
        return (ReferenceEquals(result, t) ? t.clone() : result.contiguous()).MoveToOuterDisposeScope();
    }

    // float32 [2, H, W] flow: resized as a 2-channel image, vectors scaled by the per-axis factors, u negated on a flip
    // (a displacement to the right becomes one to the left in the mirrored frames; algorithms.md §4.1).
    private static Tensor MapFlow(Tensor flow, AugmentationParameters p, Interpolation interpolation, long h, long w)
    {
        using var scope = NewDisposeScope();
        var hwc = flow.to(ScalarType.Float32).permute(1, 2, 0).contiguous(); // [2,H,W] → [H,W,2]
        var mapped = Map(hwc, p, interpolation, 0);
        var factors = tensor(new[] { (float)((double)p.ScaledWidth / w) * (p.Flip ? -1 : 1), (float)((double)p.ScaledHeight / h) }, [1, 1, 2], device: mapped.device);
        return mapped.mul(factors).permute(2, 0, 1).contiguous().MoveToOuterDisposeScope(); // [H,W,2] → [2,H,W]
    }

    // The window [offsetY, offsetY + cropH) × [offsetX, offsetX + cropW) of the resized map, padded with `pad`.
    private static Tensor CropPad(Tensor t, AugmentationParameters p, double pad)
    {
        var (sh, sw) = (p.ScaledHeight, p.ScaledWidth);
        if (p.OffsetY == 0 && p.OffsetX == 0 && p.CropHeight == sh && p.CropWidth == sw)
        {
            return t;
        }
        var shape = t.shape;
        shape[0] = p.CropHeight;
        shape[1] = p.CropWidth;
        var output = full(shape, pad, t.dtype);
        // Overlap of the window with the resized frame, in resized-frame coordinates.
        var (y0, y1) = (Math.Max(p.OffsetY, 0), Math.Min(p.OffsetY + p.CropHeight, sh));
        var (x0, x1) = (Math.Max(p.OffsetX, 0), Math.Min(p.OffsetX + p.CropWidth, sw));
        if (y1 > y0 && x1 > x0)
        {
            using var source = t.narrow(0, y0, y1 - y0).narrow(1, x0, x1 - x0);
            using var target = output.narrow(0, y0 - p.OffsetY, y1 - y0).narrow(1, x0 - p.OffsetX, x1 - x0);
            target.copy_(source);
        }
        return output;
    }
}
