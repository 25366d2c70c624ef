namespace WeClick.Data.Synthetic;

internal static partial class SceneBuilder
{
    /// <summary>The per-snippet draws shared by every placement step.</summary>
    private sealed class Context
    {
        public Context(SyntheticVideoSettings settings, Random rng)
        {
            Settings = settings;
            Rng = rng;
            DtMin = -settings.LabelledIndex;
            DtMax = settings.SnippetLength - 1 - settings.LabelledIndex;
            var speed = settings.CameraSpeed * (0.75 + 0.5 * rng.NextDouble());
            var yawTotal = (2 * rng.NextDouble() - 1) * settings.PanRange * Math.PI / 180;
            // The focal length scales with the width, so every frame size shows the same street.
            var focal = 0.8 * settings.Width;
            var cx = (settings.Width - 1) * (0.5 + 0.04 * (rng.NextDouble() - 0.5));
            var cy = (settings.Height - 1) * (0.40 + 0.06 * rng.NextDouble());
            RoadHalfWidth = 3.6 + 1.4 * rng.NextDouble();
            SidewalkWidth = 2.5 + 1.5 * rng.NextDouble();
            // Driving in the right lane, near its middle: off the centre line (see SceneCamera.Lateral).
            var lateral = RoadHalfWidth * (0.5 + 0.2 * (rng.NextDouble() - 0.5));
            Camera = new SceneCamera(focal, cx, cy, speed, yawTotal / Math.Max(1, settings.SnippetLength - 1), lateral);
        }

        public SyntheticVideoSettings Settings { get; }

        public Random Rng { get; }

        public SceneCamera Camera { get; }

        /// <summary>First and last frame offsets t − F.</summary>
        public int DtMin { get; }

        /// <summary>Last frame offset t − F.</summary>
        public int DtMax { get; }

        public double RoadHalfWidth { get; }

        public double SidewalkWidth { get; }

        /// <summary>The camera's z at the first frame (≤ 0).</summary>
        public double CameraZMin => Camera.Speed * DtMin;

        /// <summary>The camera's z at the last frame (≥ 0).</summary>
        public double CameraZMax => Camera.Speed * DtMax;

        public SurfacePattern Pattern(SurfacePattern pattern) => Settings.Textures ? pattern : SurfacePattern.Flat;

        public (double, double) Offset() => (100 * Rng.NextDouble(), 100 * Rng.NextDouble());

        public int Side() => Rng.NextDouble() < 0.5 ? -1 : 1;

        /// <summary>
        /// A depth at which something at lateral position <paramref name="x"/> is in view at the labelled frame
        /// (|x − camera x|·f/z within 45% of the width from the centre) and, when it does not move, still in front of the camera
        /// at the last frame (moving objects are checked with <see cref="StaysInFront"/>).
        /// </summary>
        public double VisibleDepth(double x, double farthest, bool moving = false)
        {
            var inView = Math.Abs(x - Camera.Lateral) * Camera.Focal / (0.45 * Settings.Width) + 1;
            var nearest = moving ? Math.Max(inView, MinDepth + 1) : Math.Max(inView, CameraZMax + MinDepth);
            return nearest + Math.Max(0, farthest - nearest) * Rng.NextDouble();
        }

        /// <summary>Whether an object at depth <paramref name="z"/> (labelled frame) moving <paramref name="vz"/> per frame stays
        /// at least <see cref="MinDepth"/> in front of the camera in every frame (depth is linear in t, so the ends suffice).</summary>
        public bool StaysInFront(double z, double vz) =>
            z + (vz - Camera.Speed) * DtMin >= MinDepth && z + (vz - Camera.Speed) * DtMax >= MinDepth;

        public (float, float, float) Facade() => Jitter(Rng, FacadeColours[Rng.Next(FacadeColours.Length)], 18);

        private static readonly (float, float, float)[] FacadeColours =
            [(170, 150, 125), (140, 90, 70), (200, 190, 170), (120, 120, 125), (180, 160, 110), (150, 160, 170)];
    }
}
