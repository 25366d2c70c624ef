namespace WeClick.Data.Synthetic;

/// <summary>
/// Lays out one snippet's street from a seed: camera, sky, road and sidewalks, facades along both sides and at
/// the end of the street, trees, hedges, fences, poles with signs, and the moving instances (cars, pedestrians,
/// bicyclists). Every object is placed so that it stays in front of the camera over the whole snippet; the
/// stuff is placed so that it is in view at the labelled frame.
/// </summary>
internal static partial class SceneBuilder
{
    /// <summary>Camera height above the road (metres); the road is the plane y = CameraHeight.</summary>
    internal const double CameraHeight = 1.5;

    // Nothing may come closer to the camera than this (metres along the optical axis) in any frame.
    private const double MinDepth = 3.0;

    /// <summary>Builds the scene of one snippet; the same settings and seed give the same scene.</summary>
    public static SyntheticScene Build(SyntheticVideoSettings settings, int seed)
    {
        var rng = new Random(seed);
        var ctx = new Context(settings, rng);
        var layers = new List<SceneLayer>();
        AddSkyAndGround(ctx, layers);
        AddBuildings(ctx, layers);
        AddVegetationAndFences(ctx, layers);
        AddPolesAndSigns(ctx, layers);
        AddCars(ctx, layers);
        AddPedestrians(ctx, layers);
        AddBicyclists(ctx, layers);

        var tile = new float[(SyntheticScene.NoiseTileSide + 1) * (SyntheticScene.NoiseTileSide + 1)];
        const int n = SyntheticScene.NoiseTileSide;
        for (var y = 0; y <= n; y++)
        {
            for (var x = 0; x <= n; x++)
            {
                // The last row and column repeat the first, so bilinear sampling wraps without a seam.
                tile[y * (n + 1) + x] = y == n || x == n ? tile[(y % n) * (n + 1) + x % n] : rng.NextSingle();
            }
        }
        var frameSize = settings.Width * settings.Height * 3;
        var slack = settings.NoiseLevel > 0 ? Math.Min(frameSize, 1 << 16) : 0;
        var sensor = settings.NoiseLevel > 0 ? Normals(rng, frameSize + slack) : [];
        var offsets = new int[settings.SnippetLength];
        var gains = new float[settings.SnippetLength];
        var omega = 0.5 + rng.NextDouble();
        var phase = rng.NextDouble() * 2 * Math.PI;
        for (var t = 0; t < offsets.Length; t++)
        {
            offsets[t] = slack > 0 ? rng.Next(slack) : 0;
            gains[t] = (float)(1 + settings.LightingAmplitude * Math.Sin(2 * Math.PI * omega * t / settings.SnippetLength + phase));
        }
        return new SyntheticScene
        {
            Settings = settings,
            Camera = ctx.Camera,
            Layers = layers,
            NoiseTile = tile,
            SensorNoise = sensor,
            NoiseOffsets = offsets,
            Gains = gains,
            SkyGradientHeight = SkyDistance * ctx.Camera.Cy / ctx.Camera.Focal,
            RoadHalfWidth = ctx.RoadHalfWidth,
        };
    }

    private static float[] Normals(Random rng, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i += 2)
        {
            // Box–Muller: two independent standard normals from two uniforms.
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u1));
            values[i] = (float)(r * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < count)
            {
                values[i + 1] = (float)(r * Math.Sin(2 * Math.PI * u2));
            }
        }
        return values;
    }

    private const double SkyDistance = 1000;

    private static void AddSkyAndGround(Context c, List<SceneLayer> layers)
    {
        var zenith = Jitter(c.Rng, (70, 120, 200), 20);
        layers.Add(new SceneLayer(SyntheticClasses.Sky, SyntheticClasses.Sky, new Vec3(0, 0, SkyDistance), default, X, Y,
            [ShapePart.Rect(zenith, c.Pattern(SurfacePattern.Sky), 0.5, -4000, -3000, 4000, 3000)]) { NoiseOffset = c.Offset() });
        var near = c.CameraZMin + 0.5;
        const double far = 400;
        var wr = c.RoadHalfWidth;
        layers.Add(new SceneLayer(SyntheticClasses.Road, SyntheticClasses.Road, new Vec3(0, CameraHeight, 0), default, X, Z,
            [ShapePart.Rect(Jitter(c.Rng, (95, 95, 100), 12), c.Pattern(SurfacePattern.Asphalt), 0.12, -wr, near, wr, far)])
        { NoiseOffset = c.Offset() });
        var paving = Jitter(c.Rng, (150, 140, 130), 20);
        layers.Add(new SceneLayer(SyntheticClasses.Sidewalk, SyntheticClasses.Sidewalk, new Vec3(0, CameraHeight, 0), default, X, Z,
            [
                ShapePart.Rect(paving, c.Pattern(SurfacePattern.Paving), 0.12, -200, near, -wr, far),
                ShapePart.Rect(paving, c.Pattern(SurfacePattern.Paving), 0.12, wr, near, 200, far),
            ])
        { NoiseOffset = c.Offset() });
    }

    private static void AddBuildings(Context c, List<SceneLayer> layers)
    {
        var endOfStreet = 70 + 40 * c.Rng.NextDouble();
        foreach (var side in new[] { -1, 1 })
        {
            var line = c.RoadHalfWidth + c.SidewalkWidth + 0.3 + c.Rng.NextDouble();
            var z = c.CameraZMin - 5;
            while (z < endOfStreet)
            {
                var length = 6 + 16 * c.Rng.NextDouble();
                if (c.Rng.NextDouble() < 0.25)
                {
                    z += 3 + 7 * c.Rng.NextDouble(); // a gap between buildings
                    continue;
                }
                var height = 5 + 17 * c.Rng.NextDouble();
                var x = side * (line + 1.2 * c.Rng.NextDouble());
                layers.Add(new SceneLayer(SyntheticClasses.Building, SyntheticClasses.Building, new Vec3(x, 0, 0), default, Z, Y,
                    [ShapePart.Rect(c.Facade(), c.Pattern(SurfacePattern.Facade), 0.15, z, CameraHeight - height, z + length, CameraHeight)])
                { NoiseOffset = c.Offset() });
                z += length;
            }
        }
        // The end of the street: facades facing the camera, low enough to leave sky above them.
        for (var x = -120.0; x < 120;)
        {
            var width = 8 + 14 * c.Rng.NextDouble();
            var height = 6 + 12 * c.Rng.NextDouble();
            layers.Add(new SceneLayer(SyntheticClasses.Building, SyntheticClasses.Building, new Vec3(0, 0, endOfStreet + 6 * c.Rng.NextDouble()), default, X, Y,
                [ShapePart.Rect(c.Facade(), c.Pattern(SurfacePattern.Facade), 0.15, x, CameraHeight - height, x + width, CameraHeight)])
            { NoiseOffset = c.Offset() });
            x += width;
        }
    }

    private static void AddVegetationAndFences(Context c, List<SceneLayer> layers)
    {
        var back = c.RoadHalfWidth + c.SidewalkWidth;
        var trees = 2 + c.Rng.Next(4);
        for (var i = 0; i < trees; i++)
        {
            var x = c.Side() * (back - 0.6 - 0.4 * c.Rng.NextDouble());
            var z = c.VisibleDepth(x, 60);
            var trunk = 1.8 + 1.2 * c.Rng.NextDouble();
            var crown = 1.2 + 1.0 * c.Rng.NextDouble();
            layers.Add(new SceneLayer(SyntheticClasses.Vegetation, SyntheticClasses.Vegetation, new Vec3(x, CameraHeight, z), default, X, Y,
                [
                    ShapePart.Rect(Jitter(c.Rng, (95, 70, 45), 15), c.Pattern(SurfacePattern.Noise), 0.2, -0.15, -trunk - 0.4, 0.15, 0),
                    ShapePart.Ellipse(Jitter(c.Rng, (60, 110, 45), 20), c.Pattern(SurfacePattern.Foliage), 0.6, 0, -trunk - 0.8 * crown, crown, 1.15 * crown),
                ])
            { NoiseOffset = c.Offset() });
        }
        var hedges = c.Rng.Next(3);
        for (var i = 0; i < hedges; i++)
        {
            var x = c.Side() * (back - 0.5);
            var z = c.VisibleDepth(x, 45);
            var height = 0.8 + 0.5 * c.Rng.NextDouble();
            layers.Add(new SceneLayer(SyntheticClasses.Vegetation, SyntheticClasses.Vegetation, new Vec3(x, 0, 0), default, Z, Y,
                [ShapePart.Rect(Jitter(c.Rng, (55, 105, 40), 15), c.Pattern(SurfacePattern.Foliage), 0.6, z, CameraHeight - height, z + 4 + 8 * c.Rng.NextDouble(), CameraHeight)])
            { NoiseOffset = c.Offset() });
        }
        var fences = 1 + c.Rng.Next(2);
        for (var i = 0; i < fences; i++)
        {
            // Just behind the hedges' plane, so the two never share a plane.
            var x = c.Side() * (back - 0.25);
            var z = c.VisibleDepth(x, 45) - 4;
            var height = 1.0 + 0.6 * c.Rng.NextDouble();
            layers.Add(new SceneLayer(SyntheticClasses.Fence, SyntheticClasses.Fence, new Vec3(x, 0, 0), default, Z, Y,
                [ShapePart.Rect(Jitter(c.Rng, (150, 115, 80), 25), c.Pattern(SurfacePattern.Slats), 0.2, z, CameraHeight - height, z + 6 + 14 * c.Rng.NextDouble(), CameraHeight)])
            { NoiseOffset = c.Offset() });
        }
    }

    private static void AddPolesAndSigns(Context c, List<SceneLayer> layers)
    {
        var poles = 2 + c.Rng.Next(3);
        for (var i = 0; i < poles; i++)
        {
            var x = c.Side() * (c.RoadHalfWidth + 0.4);
            var z = c.VisibleDepth(x, 50);
            var height = 4 + 3 * c.Rng.NextDouble();
            layers.Add(new SceneLayer(SyntheticClasses.Pole, SyntheticClasses.Pole, new Vec3(x, CameraHeight, z), default, X, Y,
                [ShapePart.Rect(Jitter(c.Rng, (120, 120, 125), 20), c.Pattern(SurfacePattern.Noise), 0.1, -0.1, -height, 0.1, 0)])
            { NoiseOffset = c.Offset() });
            if (i == 0 || c.Rng.NextDouble() < 0.5)
            {
                // The sign hangs 5 cm in front of its pole (never coplanar with it).
                var r = 0.35 + 0.15 * c.Rng.NextDouble();
                var centre = -height * (0.55 + 0.25 * c.Rng.NextDouble());
                var colour = SignColours[c.Rng.Next(SignColours.Length)];
                var disk = c.Rng.NextDouble() < 0.5;
                var parts = disk
                    ? new[]
                    {
                        ShapePart.Ellipse((235, 235, 235), SurfacePattern.Flat, 0, 0, centre, r, r),
                        ShapePart.Ellipse(colour, SurfacePattern.Flat, 0, 0, centre, 0.75 * r, 0.75 * r),
                    }
                    : new[]
                    {
                        ShapePart.Rect((235, 235, 235), SurfacePattern.Flat, 0, -r, centre - r, r, centre + r),
                        ShapePart.Rect(colour, SurfacePattern.Flat, 0, -0.75 * r, centre - 0.75 * r, 0.75 * r, centre + 0.75 * r),
                    };
                layers.Add(new SceneLayer(SyntheticClasses.Sign, SyntheticClasses.Sign, new Vec3(x, CameraHeight, z - 0.05), default, X, Y, parts));
            }
        }
    }

    private static readonly (float, float, float)[] SignColours = [(200, 30, 35), (30, 70, 190), (235, 190, 20)];

    private static readonly Vec3 X = new(1, 0, 0);
    private static readonly Vec3 Y = new(0, 1, 0);
    private static readonly Vec3 Z = new(0, 0, 1);

    private static (float, float, float) Jitter(Random rng, (float R, float G, float B) colour, double amount)
    {
        float J(float v) => (float)Math.Clamp(v + amount * (2 * rng.NextDouble() - 1), 0, 255);
        return (J(colour.R), J(colour.G), J(colour.B));
    }
}
