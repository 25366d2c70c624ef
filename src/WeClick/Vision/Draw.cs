using TorchSharp;
using WeClick.Vision.Interop;
using static TorchSharp.torch;

namespace WeClick.Vision;

/// <summary>
/// Drawing primitives (OpenCV) on uint8 [H, W, C] or [H, W] tensors, in place. A colour has one value
/// per channel (RGB for colour images, one class id for a label map). Draw label maps with
/// <c>antialias: false</c> so that every pixel gets exactly one class.
/// </summary>
/// <remarks>The image must be a contiguous CPU tensor (drawing writes its memory; a copy would be drawn on and lost).</remarks>
public static class Draw
{
    /// <summary>Fills the polygon through <paramref name="points"/> (pixel coordinates x, y).</summary>
    /// <exception cref="ArgumentException">The image is not a contiguous CPU [H, W] or [H, W, C] tensor.</exception>
    /// <exception cref="OpenCvException">The image is not uint8, fewer than 3 points, or a colour without 1 to 4 values.</exception>
    public static unsafe void FillPolygon(Tensor image, ReadOnlySpan<(int X, int Y)> points, ReadOnlySpan<double> color, bool antialias = false)
    {
        var xy = new int[points.Length * 2];
        for (var i = 0; i < points.Length; i++)
        {
            xy[2 * i] = points[i].X;
            xy[2 * i + 1] = points[i].Y;
        }
        using var target = TensorImage.InPlace(image);
        fixed (int* p = xy)
        fixed (double* c = color)
        {
            NativeStatus.Check(NativeMethods.WcDraw_fill_poly(target.Image, p, points.Length, c, color.Length, antialias ? 1 : 0));
        }
    }

    /// <summary>Draws an ellipse centred at (<paramref name="centerX"/>, <paramref name="centerY"/>) with half-axes and a rotation in degrees; <paramref name="thickness"/> &lt; 0 fills it.</summary>
    /// <exception cref="ArgumentException">The image is not a contiguous CPU [H, W] or [H, W, C] tensor.</exception>
    /// <exception cref="OpenCvException">The image is not uint8, or a colour without 1 to 4 values.</exception>
    public static unsafe void Ellipse(Tensor image, double centerX, double centerY, double halfAxisX, double halfAxisY, double angleDegrees,
        ReadOnlySpan<double> color, int thickness = -1, bool antialias = false)
    {
        using var target = TensorImage.InPlace(image);
        fixed (double* c = color)
        {
            NativeStatus.Check(NativeMethods.WcDraw_ellipse(target.Image, centerX, centerY, halfAxisX, halfAxisY, angleDegrees, c, color.Length, thickness, antialias ? 1 : 0));
        }
    }

    /// <summary>Draws a straight line segment.</summary>
    /// <exception cref="ArgumentException">The image is not a contiguous CPU [H, W] or [H, W, C] tensor.</exception>
    /// <exception cref="OpenCvException">The image is not uint8, the thickness is not positive, or a colour without 1 to 4 values.</exception>
    public static unsafe void Line(Tensor image, double x1, double y1, double x2, double y2, ReadOnlySpan<double> color, int thickness = 1, bool antialias = false)
    {
        using var target = TensorImage.InPlace(image);
        fixed (double* c = color)
        {
            NativeStatus.Check(NativeMethods.WcDraw_line(target.Image, x1, y1, x2, y2, c, color.Length, thickness, antialias ? 1 : 0));
        }
    }
}
