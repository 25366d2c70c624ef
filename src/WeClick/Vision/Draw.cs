using WeClick.Torch.Interop;

namespace WeClick.Torch.Vision;

/// <summary>
/// Drawing primitives (OpenCV) on uint8 [H, W, C] or [H, W] tensors, in place. A colour has one value
/// per channel (RGB for colour images, one class id for a label map). Draw label maps with
/// <c>antialias: false</c> so that every pixel gets exactly one class.
/// </summary>
public static class Draw
{
    /// <summary>Fills the polygon through <paramref name="points"/> (pixel coordinates x, y).</summary>
    public static unsafe void FillPolygon(Tensor image, ReadOnlySpan<(int X, int Y)> points, ReadOnlySpan<double> color, bool antialias = false)
    {
        var xy = new int[points.Length * 2];
        for (var i = 0; i < points.Length; i++)
        {
            xy[2 * i] = points[i].X;
            xy[2 * i + 1] = points[i].Y;
        }
        fixed (int* p = xy)
        fixed (double* c = color)
        {
            NativeStatus.Check(NativeMethods.WcCv_fill_poly(image.Handle, p, points.Length, c, color.Length, antialias ? 1 : 0));
        }
    }

    /// <summary>Draws an ellipse centred at (<paramref name="centerX"/>, <paramref name="centerY"/>) with half-axes and a rotation in degrees; <paramref name="thickness"/> &lt; 0 fills it.</summary>
    public static unsafe void Ellipse(Tensor image, double centerX, double centerY, double halfAxisX, double halfAxisY, double angleDegrees,
        ReadOnlySpan<double> color, int thickness = -1, bool antialias = false)
    {
        fixed (double* c = color)
        {
            NativeStatus.Check(NativeMethods.WcCv_ellipse(image.Handle, centerX, centerY, halfAxisX, halfAxisY, angleDegrees, c, color.Length, thickness, antialias ? 1 : 0));
        }
    }

    /// <summary>Draws a straight line segment.</summary>
    public static unsafe void Line(Tensor image, double x1, double y1, double x2, double y2, ReadOnlySpan<double> color, int thickness = 1, bool antialias = false)
    {
        fixed (double* c = color)
        {
            NativeStatus.Check(NativeMethods.WcCv_line(image.Handle, x1, y1, x2, y2, c, color.Length, thickness, antialias ? 1 : 0));
        }
    }
}
