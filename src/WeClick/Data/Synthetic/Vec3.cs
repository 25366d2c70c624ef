namespace WeClick.Data.Synthetic;

/// <summary>A point or direction in the synthetic world (metres; x right, y down, z forward).</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 p, Vec3 q) => new(p.X + q.X, p.Y + q.Y, p.Z + q.Z);

    public static Vec3 operator -(Vec3 p, Vec3 q) => new(p.X - q.X, p.Y - q.Y, p.Z - q.Z);

    public static Vec3 operator *(double s, Vec3 p) => new(s * p.X, s * p.Y, s * p.Z);
}
