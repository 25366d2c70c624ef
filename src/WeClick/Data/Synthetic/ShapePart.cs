namespace WeClick.Data.Synthetic;

/// <summary>
/// One convex piece of a layer, in the layer's own (a, b) coordinates (metres): a convex polygon (vertices in
/// order, either orientation) or an axis-aligned ellipse. A layer covers the union of its parts; colours are
/// painted in part order, later over earlier.
/// </summary>
internal sealed class ShapePart
{
    private ShapePart(bool isEllipse, double[] values, (float R, float G, float B) colour, SurfacePattern pattern, double amplitude)
    {
        IsEllipse = isEllipse;
        Values = values;
        Colour = colour;
        Pattern = pattern;
        Amplitude = amplitude;
    }

    /// <summary>True: <see cref="Values"/> = (centre a, centre b, radius a, radius b); false: polygon vertices a0, b0, a1, b1, ....</summary>
    public bool IsEllipse { get; }

    /// <summary>The geometry (see <see cref="IsEllipse"/>).</summary>
    public double[] Values { get; }

    /// <summary>Base colour, RGB in grey levels 0..255.</summary>
    public (float R, float G, float B) Colour { get; }

    /// <summary>How the colour varies over the surface.</summary>
    public SurfacePattern Pattern { get; }

    /// <summary>Strength of the pattern's noise (relative).</summary>
    public double Amplitude { get; }

    /// <summary>A convex polygon through (a, b) vertices.</summary>
    public static ShapePart Polygon((float, float, float) colour, SurfacePattern pattern, double amplitude, params (double A, double B)[] vertices)
    {
        var values = new double[vertices.Length * 2];
        for (var i = 0; i < vertices.Length; i++)
        {
            values[2 * i] = vertices[i].A;
            values[2 * i + 1] = vertices[i].B;
        }
        return new ShapePart(false, values, colour, pattern, amplitude);
    }

    /// <summary>An axis-aligned rectangle [a0, a1] × [b0, b1].</summary>
    public static ShapePart Rect((float, float, float) colour, SurfacePattern pattern, double amplitude, double a0, double b0, double a1, double b1) =>
        Polygon(colour, pattern, amplitude, (a0, b0), (a1, b0), (a1, b1), (a0, b1));

    /// <summary>An axis-aligned ellipse.</summary>
    public static ShapePart Ellipse((float, float, float) colour, SurfacePattern pattern, double amplitude, double ca, double cb, double ra, double rb) =>
        new(true, [ca, cb, ra, rb], colour, pattern, amplitude);

    /// <summary>The bounding box (a0, b0, a1, b1).</summary>
    public (double A0, double B0, double A1, double B1) Bounds()
    {
        if (IsEllipse)
        {
            return (Values[0] - Values[2], Values[1] - Values[3], Values[0] + Values[2], Values[1] + Values[3]);
        }
        double a0 = double.MaxValue, b0 = double.MaxValue, a1 = double.MinValue, b1 = double.MinValue;
        for (var i = 0; i < Values.Length; i += 2)
        {
            a0 = Math.Min(a0, Values[i]);
            a1 = Math.Max(a1, Values[i]);
            b0 = Math.Min(b0, Values[i + 1]);
            b1 = Math.Max(b1, Values[i + 1]);
        }
        return (a0, b0, a1, b1);
    }
}
