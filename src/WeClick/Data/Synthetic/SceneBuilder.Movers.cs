namespace WeClick.Data.Synthetic;

// The instance classes: each object is one upright plane facing the camera (a = x, b = y with b = 0 on the
// road), with its own linear motion, and gets the Cityscapes instance id classId·1000 + k (algorithms.md §2.3).
internal static partial class SceneBuilder
{
    private const int Attempts = 60;

    private static void AddCars(Context c, List<SceneLayer> layers)
    {
        var count = c.Settings.Cars.Draw(c.Rng);
        var wr = c.RoadHalfWidth;
        // One speed per lane (traffic flows together, so cars in a lane keep their spacing).
        var sameWay = c.Camera.Speed * (0.5 + 0.9 * c.Rng.NextDouble());
        var oncoming = -c.Camera.Speed * (0.8 + 0.8 * c.Rng.NextDouble()) - 0.1;
        var placed = new List<(double X, double Z)>();
        for (var k = 0; k < count; k++)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var right = c.Rng.NextDouble() < 0.55;
                var x = (right ? 0.5 : -0.5) * wr;
                var vz = right ? sameWay : oncoming;
                var z = c.VisibleDepth(x, 55, moving: true);
                if (!c.StaysInFront(z, vz) || placed.Any(p => p.X == x && Math.Abs(p.Z - z) < 7))
                {
                    continue;
                }
                placed.Add((x, z));
                layers.Add(new SceneLayer(SyntheticClasses.Car, SyntheticClasses.Car * SyntheticClasses.InstanceMultiplier + k,
                    new Vec3(x, CameraHeight, z), new Vec3(0, 0, vz), X, Y, CarParts(c, facing: !right)) { NoiseOffset = c.Offset() });
                break;
            }
        }
    }

    private static ShapePart[] CarParts(Context c, bool facing)
    {
        var w = 0.9 * (0.9 + 0.2 * c.Rng.NextDouble());
        var h = 0.9 + 0.2 * c.Rng.NextDouble();
        var paint = CarColours[c.Rng.Next(CarColours.Length)];
        var noise = c.Pattern(SurfacePattern.Noise);
        (float, float, float) tyre = (25, 25, 28), glass = (45, 55, 70), dark = (50, 50, 52);
        var lights = facing ? ((float, float, float))(240, 235, 200) : (200, 25, 25);
        return
        [
            ShapePart.Rect(tyre, SurfacePattern.Flat, 0, -w + 0.05, -0.4, -w + 0.3, 0),
            ShapePart.Rect(tyre, SurfacePattern.Flat, 0, w - 0.3, -0.4, w - 0.05, 0),
            ShapePart.Rect(paint, noise, 0.08, -w, -1.0 * h, w, -0.3),
            ShapePart.Rect(dark, noise, 0.1, -w, -0.38, w, -0.25),
            ShapePart.Polygon(paint, noise, 0.08, (-0.85 * w, -1.0 * h), (0.85 * w, -1.0 * h), (0.65 * w, -1.5 * h), (-0.65 * w, -1.5 * h)),
            ShapePart.Polygon(glass, noise, 0.15, (-0.75 * w, -1.05 * h), (0.75 * w, -1.05 * h), (0.58 * w, -1.42 * h), (-0.58 * w, -1.42 * h)),
            ShapePart.Rect(lights, SurfacePattern.Flat, 0, -0.95 * w, -0.9 * h, -0.7 * w, -0.75 * h),
            ShapePart.Rect(lights, SurfacePattern.Flat, 0, 0.7 * w, -0.9 * h, 0.95 * w, -0.75 * h),
            ShapePart.Rect((225, 225, 215), SurfacePattern.Flat, 0, -0.22, -0.65 * h, 0.22, -0.52 * h),
        ];
    }

    private static readonly (float, float, float)[] CarColours =
        [(180, 30, 30), (30, 60, 150), (220, 220, 220), (40, 40, 45), (150, 150, 155), (30, 120, 60), (210, 160, 30)];

    private static void AddPedestrians(Context c, List<SceneLayer> layers)
    {
        var count = c.Settings.Pedestrians.Draw(c.Rng);
        var wr = c.RoadHalfWidth;
        for (var k = 0; k < count; k++)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                double x;
                Vec3 velocity;
                if (c.Rng.NextDouble() < 0.6)
                {
                    // Walking along a sidewalk (about 1 m/s at Cityscapes' 17 frames per second).
                    x = c.Side() * (wr + 0.6 + (c.SidewalkWidth - 1.2) * c.Rng.NextDouble());
                    velocity = new Vec3(0, 0, c.Side() * (0.02 + 0.04 * c.Rng.NextDouble()));
                }
                else
                {
                    x = (2 * c.Rng.NextDouble() - 1) * wr; // crossing the road
                    velocity = new Vec3(c.Side() * (0.03 + 0.04 * c.Rng.NextDouble()), 0, 0);
                }
                var z = c.VisibleDepth(x, 30, moving: true);
                if (!c.StaysInFront(z, velocity.Z))
                {
                    continue;
                }
                layers.Add(new SceneLayer(SyntheticClasses.Pedestrian, SyntheticClasses.Pedestrian * SyntheticClasses.InstanceMultiplier + k,
                    new Vec3(x, CameraHeight, z), velocity, X, Y, PedestrianParts(c)) { NoiseOffset = c.Offset() });
                break;
            }
        }
    }

    private static ShapePart[] PedestrianParts(Context c)
    {
        var s = 0.9 + 0.2 * c.Rng.NextDouble();
        var noise = c.Pattern(SurfacePattern.Noise);
        var trousers = Jitter(c.Rng, TrouserColours[c.Rng.Next(TrouserColours.Length)], 15);
        var shirt = Jitter(c.Rng, ShirtColours[c.Rng.Next(ShirtColours.Length)], 25);
        var skin = Jitter(c.Rng, (200, 160, 130), 35);
        return
        [
            ShapePart.Rect(trousers, noise, 0.1, -0.17, -0.85 * s, -0.02, 0),
            ShapePart.Rect(trousers, noise, 0.1, 0.02, -0.85 * s, 0.17, 0),
            ShapePart.Rect(shirt, noise, 0.1, -0.22, -1.45 * s, 0.22, -0.82 * s),
            ShapePart.Rect(shirt, noise, 0.1, -0.3, -1.4 * s, -0.22, -0.92 * s),
            ShapePart.Rect(shirt, noise, 0.1, 0.22, -1.4 * s, 0.3, -0.92 * s),
            ShapePart.Ellipse(skin, SurfacePattern.Flat, 0, 0, -1.58 * s, 0.11, 0.13),
        ];
    }

    private static readonly (float, float, float)[] TrouserColours = [(40, 45, 70), (30, 30, 30), (90, 80, 70), (60, 90, 140)];

    private static readonly (float, float, float)[] ShirtColours = [(200, 40, 40), (40, 150, 200), (230, 230, 230), (240, 200, 40), (80, 160, 80), (120, 60, 140)];

    private static void AddBicyclists(Context c, List<SceneLayer> layers)
    {
        var count = c.Settings.Bicyclists.Draw(c.Rng);
        var wr = c.RoadHalfWidth;
        for (var k = 0; k < count; k++)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var crossing = c.Rng.NextDouble() < 0.4;
                var x = crossing ? (2 * c.Rng.NextDouble() - 1) * wr : wr - 0.5; // crossing, or along the right kerb
                var velocity = crossing
                    ? new Vec3(c.Side() * (0.1 + 0.1 * c.Rng.NextDouble()), 0, 0)
                    : new Vec3(0, 0, c.Camera.Speed * (0.2 + 0.7 * c.Rng.NextDouble()));
                var z = c.VisibleDepth(x, 35, moving: true);
                if (!c.StaysInFront(z, velocity.Z))
                {
                    continue;
                }
                var parts = crossing ? SideViewBicyclist(c, mirror: velocity.X < 0) : RearViewBicyclist(c);
                layers.Add(new SceneLayer(SyntheticClasses.Bicyclist, SyntheticClasses.Bicyclist * SyntheticClasses.InstanceMultiplier + k,
                    new Vec3(x, CameraHeight, z), velocity, X, Y, parts) { NoiseOffset = c.Offset() });
                break;
            }
        }
    }

    private static ShapePart[] SideViewBicyclist(Context c, bool mirror)
    {
        var m = mirror ? -1.0 : 1.0;
        var noise = c.Pattern(SurfacePattern.Noise);
        var frame = Jitter(c.Rng, (60, 60, 160), 60);
        var shirt = Jitter(c.Rng, ShirtColours[c.Rng.Next(ShirtColours.Length)], 25);
        var trousers = Jitter(c.Rng, TrouserColours[c.Rng.Next(TrouserColours.Length)], 15);
        (float, float, float) tyre = (25, 25, 28), rim = (150, 150, 155);
        return
        [
            ShapePart.Ellipse(tyre, SurfacePattern.Flat, 0, -0.55 * m, -0.35, 0.35, 0.35),
            ShapePart.Ellipse(rim, SurfacePattern.Flat, 0, -0.55 * m, -0.35, 0.27, 0.27),
            ShapePart.Ellipse(tyre, SurfacePattern.Flat, 0, 0.55 * m, -0.35, 0.35, 0.35),
            ShapePart.Ellipse(rim, SurfacePattern.Flat, 0, 0.55 * m, -0.35, 0.27, 0.27),
            Bar(frame, SurfacePattern.Flat, -0.55 * m, -0.35, -0.05 * m, -0.85, 0.035),
            Bar(frame, SurfacePattern.Flat, -0.05 * m, -0.85, 0.45 * m, -0.9, 0.035),
            Bar(frame, SurfacePattern.Flat, 0.45 * m, -0.9, 0.55 * m, -0.35, 0.035),
            Bar(trousers, noise, -0.1 * m, -0.95, 0.05 * m, -0.45, 0.08),
            Bar(shirt, noise, -0.08 * m, -0.95, 0.2 * m, -1.5, 0.13),
            Bar(shirt, noise, 0.15 * m, -1.38, 0.45 * m, -1.0, 0.05),
            ShapePart.Ellipse(Jitter(c.Rng, (200, 160, 130), 35), SurfacePattern.Flat, 0, 0.25 * m, -1.64, 0.11, 0.12),
        ];
    }

    private static ShapePart[] RearViewBicyclist(Context c)
    {
        var noise = c.Pattern(SurfacePattern.Noise);
        var shirt = Jitter(c.Rng, ShirtColours[c.Rng.Next(ShirtColours.Length)], 25);
        var trousers = Jitter(c.Rng, TrouserColours[c.Rng.Next(TrouserColours.Length)], 15);
        return
        [
            ShapePart.Rect((25, 25, 28), SurfacePattern.Flat, 0, -0.04, -0.7, 0.04, 0),
            ShapePart.Rect(trousers, noise, 0.1, -0.15, -1.0, -0.04, -0.4),
            ShapePart.Rect(trousers, noise, 0.1, 0.04, -1.0, 0.15, -0.4),
            ShapePart.Rect(shirt, noise, 0.1, -0.21, -1.52, 0.21, -0.92),
            ShapePart.Rect((70, 70, 75), SurfacePattern.Flat, 0, -0.32, -1.14, 0.32, -1.07),
            ShapePart.Ellipse(Jitter(c.Rng, (200, 160, 130), 35), SurfacePattern.Flat, 0, 0, -1.66, 0.11, 0.12),
        ];
    }

    /// <summary>A straight bar from (a0, b0) to (a1, b1) of half-thickness r, as a convex quad.</summary>
    private static ShapePart Bar((float, float, float) colour, SurfacePattern pattern, double a0, double b0, double a1, double b1, double r)
    {
        var length = Math.Sqrt((a1 - a0) * (a1 - a0) + (b1 - b0) * (b1 - b0));
        double na = -(b1 - b0) / length * r, nb = (a1 - a0) / length * r;
        return ShapePart.Polygon(colour, pattern, 0.1, (a0 + na, b0 + nb), (a1 + na, b1 + nb), (a1 - na, b1 - nb), (a0 - na, b0 - nb));
    }
}
