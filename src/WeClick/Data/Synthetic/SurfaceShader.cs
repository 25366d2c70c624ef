using WeClick.Torch;
using static WeClick.Torch.torch;

namespace WeClick.Data.Synthetic;

/// <summary>
/// Coverage and colour of a layer at given (a, b) layer coordinates. Every pattern is a function of (a, b)
/// only, so a surface point has the same colour in every frame (up to lighting and noise): this is what makes
/// the ground-truth flow photometrically exact, and what gives flow estimators and the Gated CRF real image
/// structure (edges, texture) to work with.
/// </summary>
internal sealed class SurfaceShader(SyntheticScene scene) : IDisposable
{
    private readonly Tensor _tile = tensor(scene.NoiseTile, [1, 1, SyntheticScene.NoiseTileSide + 1, SyntheticScene.NoiseTileSide + 1])
        .DetachFromDisposeScope();

    /// <summary>Returns (covered: bool [h, w], colour: float32 [3, h, w]) for float64 [h, w] coordinate maps.</summary>
    public (Tensor Covered, Tensor Colour) Shade(SceneLayer layer, Tensor a, Tensor b)
    {
        Tensor? covered = null, colour = null;
        foreach (var part in layer.Parts)
        {
            var mask = Inside(part, a, b);
            var partColour = Colour(part, layer, a, b);
            covered = covered is null ? mask : covered.logical_or(mask);
            colour = colour is null ? partColour.expand(3, a.size(0), a.size(1)) : torch.where(mask.unsqueeze(0), partColour, colour);
        }
        return (covered!, colour!);
    }

    private static Tensor Inside(ShapePart part, Tensor a, Tensor b)
    {
        var v = part.Values;
        if (part.IsEllipse)
        {
            var da = a.sub(v[0]).div(v[2]);
            var db = b.sub(v[1]).div(v[3]);
            return da.square().add(db.square()).le(1.0);
        }
        if (v.Length == 8 && v[1] == v[3] && v[2] == v[4] && v[5] == v[7] && v[6] == v[0])
        {
            // Axis-aligned rectangle (the common case): four comparisons.
            double a0 = Math.Min(v[0], v[2]), a1 = Math.Max(v[0], v[2]), b0 = Math.Min(v[1], v[5]), b1 = Math.Max(v[1], v[5]);
            return a.ge(a0).logical_and(a.le(a1)).logical_and(b.ge(b0)).logical_and(b.le(b1));
        }
        var n = v.Length / 2;
        var area = 0.0;
        for (var i = 0; i < n; i++)
        {
            var j = (i + 1) % n;
            area += v[2 * i] * v[2 * j + 1] - v[2 * j] * v[2 * i + 1];
        }
        var orientation = Math.Sign(area);
        Tensor? inside = null;
        for (var i = 0; i < n; i++)
        {
            var j = (i + 1) % n;
            double ea = v[2 * j] - v[2 * i], eb = v[2 * j + 1] - v[2 * i + 1];
            // Convex polygon: on the inner side of every edge, cross(edge, p − vertex)·orientation ≥ 0.
            var cross = b.mul(ea * orientation).sub(a.mul(eb * orientation)).add((eb * v[2 * i] - ea * v[2 * i + 1]) * orientation);
            var side = cross.ge(0.0);
            inside = inside is null ? side : inside.logical_and(side);
        }
        return inside!;
    }

    private Tensor Colour(ShapePart part, SceneLayer layer, Tensor a, Tensor b)
    {
        var (r, g, bl) = part.Colour;
        var baseColour = tensor(new[] { r, g, bl }, [3, 1, 1]);
        var amp = part.Amplitude;
        switch (part.Pattern)
        {
            case SurfacePattern.Flat:
                return baseColour;
            case SurfacePattern.Noise:
                return Modulate(baseColour, Noise(layer, a, b, 0.25), amp);
            case SurfacePattern.Sky:
            {
                var toZenith = b.div(-scene.SkyGradientHeight).clamp(0.0, 1.0).to(ScalarType.Float32).unsqueeze(0);
                var horizon = tensor(new[] { 205f, 215f, 228f }, [3, 1, 1]);
                var sky = horizon.add(baseColour.sub(horizon).mul(toZenith));
                var clouds = Noise(layer, a, b, 25).sub(0.5).mul(3.0).clamp(0.0, 1.0).mul(amp).unsqueeze(0);
                return sky.add(sky.rsub(245.0).mul(clouds));
            }
            case SurfacePattern.Facade:
            {
                var n = Noise(layer, a, b, 0.5);
                var wall = Modulate(baseColour, n, amp);
                var fa = Frac(a.div(3.0));
                var fb = Frac(b.div(3.2));
                var window = fa.gt(0.3).logical_and(fa.lt(0.7)).logical_and(fb.gt(0.35)).logical_and(fb.lt(0.75));
                var glass = tensor(new[] { 55f, 65f, 80f }, [3, 1, 1]).mul(n.mul(0.4).add(0.8).unsqueeze(0));
                return torch.where(window.unsqueeze(0), glass, wall);
            }
            case SurfacePattern.Asphalt:
            {
                var asphalt = Modulate(baseColour, Noise(layer, a, b, 0.3), amp);
                var centre = a.abs().lt(0.08).logical_and(Frac(b.div(6.0)).lt(0.5));
                var edges = a.abs().sub(scene.RoadHalfWidth - 0.25).abs().lt(0.08);
                var paint = tensor(new[] { 215f, 215f, 205f }, [3, 1, 1]);
                return torch.where(centre.logical_or(edges).unsqueeze(0), paint, asphalt);
            }
            case SurfacePattern.Paving:
            {
                var slabs = Modulate(baseColour, Noise(layer, a, b, 0.4), amp);
                var joints = Frac(a.div(1.2)).lt(0.06).logical_or(Frac(b.div(1.2)).lt(0.06));
                return torch.where(joints.unsqueeze(0), slabs.mul(0.7), slabs);
            }
            case SurfacePattern.Foliage:
            {
                var fine = Noise(layer, a, b, 0.2);
                var coarse = Noise(layer, a.add(17.0), b.add(5.0), 0.9);
                var factor = fine.mul(1.4).add(coarse.mul(0.6)).sub(1.0).mul(amp).add(1.0);
                return baseColour.mul(factor.unsqueeze(0));
            }
            case SurfacePattern.Slats:
            {
                var wood = Modulate(baseColour, Noise(layer, a, b, 0.3), amp);
                var gaps = Frac(a.div(0.3)).lt(0.22);
                return torch.where(gaps.unsqueeze(0), wood.mul(0.45), wood);
            }
            default:
                throw new InvalidOperationException($"Unknown surface pattern {part.Pattern}.");
        }
    }

    /// <summary>colour·(1 + amplitude·(2n − 1)) for noise n in [0, 1].</summary>
    private static Tensor Modulate(Tensor colour, Tensor noise, double amplitude) =>
        colour.mul(noise.mul(2 * amplitude).add(1 - amplitude).unsqueeze(0));

    private static Tensor Frac(Tensor x) => x.sub(x.floor());

    /// <summary>
    /// Value noise in [0, 1] with features of <paramref name="feature"/> metres: the periodic tile sampled
    /// bilinearly (grid_sample, align_corners = true: −1 and +1 are the first and the repeated last texel).
    /// </summary>
    private Tensor Noise(SceneLayer layer, Tensor a, Tensor b, double feature)
    {
        var period = feature * SyntheticScene.NoiseTileSide;
        var u = Frac(a.div(period).add(layer.NoiseOffset.A)).mul(2.0).sub(1.0);
        var v = Frac(b.div(period).add(layer.NoiseOffset.B)).mul(2.0).sub(1.0);
        using var grid = stack([u, v], -1).to(ScalarType.Float32).unsqueeze(0); // [1, h, w, 2] as (x, y)
        using var sampled = nn.functional.grid_sample(_tile, grid, "bilinear", "border", align_corners: true);
        return sampled.view(a.size(0), a.size(1));
    }

    /// <inheritdoc/>
    public void Dispose() => _tile.Dispose();
}
