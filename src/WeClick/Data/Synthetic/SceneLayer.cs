namespace WeClick.Data.Synthetic;

/// <summary>
/// A planar scene element: its points are <c>Origin(t) + a·AxisA + b·AxisB</c> for (a, b) inside its parts.
/// Planes cover the street exactly under a pinhole camera: the ground (a = x, b = z), facades along the street
/// (a = z, b = y) and upright objects facing the camera (a = x, b = y). Motion is linear: the origin moves by
/// <see cref="Velocity"/> per frame, measured from the labelled frame.
/// </summary>
internal sealed class SceneLayer
{
    public SceneLayer(byte classId, int instanceId, Vec3 origin, Vec3 velocity, Vec3 axisA, Vec3 axisB, IReadOnlyList<ShapePart> parts)
    {
        ClassId = classId;
        InstanceId = instanceId;
        Origin = origin;
        Velocity = velocity;
        AxisA = axisA;
        AxisB = axisB;
        Parts = parts;
        double a0 = double.MaxValue, b0 = double.MaxValue, a1 = double.MinValue, b1 = double.MinValue;
        foreach (var part in parts)
        {
            var (pa0, pb0, pa1, pb1) = part.Bounds();
            (a0, b0, a1, b1) = (Math.Min(a0, pa0), Math.Min(b0, pb0), Math.Max(a1, pa1), Math.Max(b1, pb1));
        }
        Bounds = (a0, b0, a1, b1);
    }

    /// <summary>Class id (<see cref="SyntheticClasses"/>).</summary>
    public byte ClassId { get; }

    /// <summary>classId·1000 + k for instances, the class id otherwise (Cityscapes convention).</summary>
    public int InstanceId { get; }

    /// <summary>World position of (a, b) = (0, 0) at the labelled frame.</summary>
    public Vec3 Origin { get; }

    /// <summary>World motion of the layer per frame.</summary>
    public Vec3 Velocity { get; }

    /// <summary>World direction of the layer's a axis (unit).</summary>
    public Vec3 AxisA { get; }

    /// <summary>World direction of the layer's b axis (unit).</summary>
    public Vec3 AxisB { get; }

    /// <summary>The convex pieces, painted in order.</summary>
    public IReadOnlyList<ShapePart> Parts { get; }

    /// <summary>Bounding box of all parts in (a, b).</summary>
    public (double A0, double B0, double A1, double B1) Bounds { get; }

    /// <summary>Offsets of this layer's noise, so that equal materials do not look identical.</summary>
    public (double A, double B) NoiseOffset { get; init; }

    /// <summary>World position of (0, 0) at frame offset <paramref name="dt"/> = t − F.</summary>
    public Vec3 OriginAt(int dt) => Origin + dt * Velocity;
}
