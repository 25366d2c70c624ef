using System.Runtime.InteropServices;

namespace WeClick.Vision.Interop;

// P/Invoke declarations for include/weclick/draw.h (drawing in place).
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int WcDraw_fill_poly(in WcImage image, int* xy, long points, double* color, long channels, int antialias);
    [LibraryImport(Lib)]
    internal static partial int WcDraw_ellipse(in WcImage image, double cx, double cy, double axisX, double axisY, double angleDegrees,
        double* color, long channels, int thickness, int antialias);
    [LibraryImport(Lib)]
    internal static partial int WcDraw_line(in WcImage image, double x1, double y1, double x2, double y2, double* color, long channels,
        int thickness, int antialias);
}
