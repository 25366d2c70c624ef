using TorchSharp;
using static TorchSharp.torch;

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

    /// <summary>Coverage of a layer at float64 [h, w] coordinate maps: the union (bool [h, w]) and each part's mask.</summary>
    public (Tensor Covered, Tensor[] Parts) Cover(SceneLayer layer, Tensor a, Tensor b)
    {
        var masks = layer.Parts.Select(part => Inside(part, a, b)).ToArray();
        var covered = masks[0];
        for (var i = 1; i < masks.Length; i++)
        {
            covered = covered.logical_or(masks[i]);
        }
        return (covered, masks);
    }

    /// <summary>
    /// Colour (float32 [3, h, w]) of a layer, its parts painted in order over their masks, given the pixel
    /// footprints <paramref name="footA"/>, <paramref name="footB"/> (layer metres per pixel).
    /// </summary>
    public Tensor Paint(SceneLayer layer, Tensor[] partMasks, Tensor a, Tensor b, Tensor footA, Tensor footB)
    {
        Tensor? colour = null;
        var foot = new Footprint(a, b, footA, footB, footA.maximum(footB));
        for (var i = 0; i < partMasks.Length; i++)
        {
            var partColour = Colour(layer.Parts[i], layer, foot);
            colour = colour is null ? partColour.expand(3, a.size(0), a.size(1)) : torch.where(partMasks[i].unsqueeze(0), partColour, colour);
        }
        return colour!;
    }

    /// <summary>Coordinates and pixel footprints (metres) on the layer; <see cref="Max"/> is the larger of the two.</summary>
    private readonly record struct Footprint(Tensor A, Tensor B, Tensor FootA, Tensor FootB, Tensor Max);

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

    private Tensor Colour(ShapePart part, SceneLayer layer, Footprint p)
    {
        var (r, g, bl) = part.Colour;
        var baseColour = tensor(new[] { r, g, bl }, [3, 1, 1]);
        var amp = part.Amplitude;
        Tensor a = p.A, b = p.B;
        switch (part.Pattern)
        {
            case SurfacePattern.Flat:
                return baseColour;
            case SurfacePattern.Noise:
                return Modulate(baseColour, Noise(layer, p, 0.25, 0, 0), amp);
            case SurfacePattern.Sky:
            {
                var toZenith = b.div(-scene.SkyGradientHeight).clamp(0.0, 1.0).to(ScalarType.Float32).unsqueeze(0);
                var horizon = tensor(new[] { 205f, 215f, 228f }, [3, 1, 1]);
                var sky = horizon.add(baseColour.sub(horizon).mul(toZenith));
                var clouds = Noise(layer, p, 25, 0, 0).sub(0.5).mul(3.0).clamp(0.0, 1.0).mul(amp).unsqueeze(0);
                return sky.add(sky.neg().add(245.0).mul(clouds)); // (245 − sky)·clouds
            }
            case SurfacePattern.Facade:
            {
                var n = Noise(layer, p, 0.8, 0, 0);
                var wall = Modulate(baseColour, n, amp);
                var window = Pulse(a, p.FootA, 3.0, 0.3, 0.7).mul(Pulse(b, p.FootB, 3.2, 0.35, 0.75)).to(ScalarType.Float32).unsqueeze(0);
                var glass = tensor(new[] { 55f, 65f, 80f }, [3, 1, 1]).mul(n.mul(0.4).add(0.8).unsqueeze(0));
                return wall.add(glass.sub(wall).mul(window));
            }
            case SurfacePattern.Asphalt:
            {
                var asphalt = Modulate(baseColour, Noise(layer, p, 0.6, 0, 0), amp);
                var centre = Interval(a, p.FootA, -0.08, 0.08).mul(Pulse(b, p.FootB, 6.0, 0, 0.5));
                var edges = Interval(a.abs(), p.FootA, scene.RoadHalfWidth - 0.33, scene.RoadHalfWidth - 0.17);
                var marked = centre.add(edges).clamp_max(1.0).to(ScalarType.Float32).unsqueeze(0);
                var paint = tensor(new[] { 215f, 215f, 205f }, [3, 1, 1]);
                return asphalt.add(paint.sub(asphalt).mul(marked));
            }
            case SurfacePattern.Paving:
            {
                var slabs = Modulate(baseColour, Noise(layer, p, 0.6, 0, 0), amp);
                var alongA = Pulse(a, p.FootA, 1.5, 0, 0.08);
                var alongB = Pulse(b, p.FootB, 1.5, 0, 0.08);
                var joints = alongA.add(alongB).sub(alongA.mul(alongB)).to(ScalarType.Float32).unsqueeze(0); // union
                return slabs.mul(joints.mul(-0.3).add(1.0));
            }
            case SurfacePattern.Foliage:
            {
                var fine = Noise(layer, p, 0.2, 0, 0);
                var coarse = Noise(layer, p, 0.9, 17, 5);
                var factor = fine.mul(1.4).add(coarse.mul(0.6)).sub(1.0).mul(amp).add(1.0);
                return baseColour.mul(factor.unsqueeze(0));
            }
            case SurfacePattern.Slats:
            {
                var wood = Modulate(baseColour, Noise(layer, p, 0.3, 0, 0), amp);
                var gaps = Pulse(a, p.FootA, 0.4, 0, 0.25).to(ScalarType.Float32).unsqueeze(0);
                return wood.mul(gaps.mul(-0.55).add(1.0));
            }
            default:
                throw new InvalidOperationException($"Unknown surface pattern {part.Pattern}.");
        }
    }

    /// <summary>colour·(1 + amplitude·(2n − 1)) for noise n in [0, 1].</summary>
    private static Tensor Modulate(Tensor colour, Tensor noise, double amplitude) =>
        colour.mul(noise.mul(2 * amplitude).add(1 - amplitude).unsqueeze(0));

    private static Tensor Frac(Tensor x) => x.sub(x.floor());

    // Box filters over one pixel's footprint (analytic anti-aliasing): a point-sampled stripe narrower than a pixel
    // would flicker from frame to frame and break brightness constancy along the true flow.
    private const double MinFootprint = 1e-6;

    /// <summary>Mean over [x − foot/2, x + foot/2] of the indicator of [lo, hi].</summary>
    private static Tensor Interval(Tensor x, Tensor foot, double lo, double hi)
    {
        var w = foot.clamp_min(MinFootprint);
        var overlap = x.add(w.mul(0.5)).clamp_max(hi).sub(x.sub(w.mul(0.5)).clamp_min(lo)).clamp_min(0.0);
        return overlap.div(w);
    }

    /// <summary>Mean over the footprint of the periodic pulse "frac(x/period) in [lo, hi)" (lo, hi in [0, 1]).</summary>
    private static Tensor Pulse(Tensor x, Tensor foot, double period, double lo, double hi)
    {
        // Its integral is P(u) = floor(u)·(hi − lo) + clamp(frac(u) − lo, 0, hi − lo), so the mean is a difference of P.
        var u = x.div(period);
        var w = foot.div(period).clamp_min(MinFootprint);
        Tensor P(Tensor v) => v.floor().mul(hi - lo).add(Frac(v).sub(lo).clamp(0.0, hi - lo));
        return P(u.add(w.mul(0.5))).sub(P(u.sub(w.mul(0.5)))).div(w);
    }

    /// <summary>
    /// Value noise in [0, 1] with features of <paramref name="feature"/> metres: the periodic tile sampled
    /// bilinearly (grid_sample, align_corners = true: −1 and +1 are the first and the repeated last texel). Where a
    /// pixel covers more than half a feature the noise fades to its mean 0.5 (full at ≤ ½ feature, gone at ≥ 1), the
    /// cheap stand-in for mip-mapping.
    /// </summary>
    private Tensor Noise(SceneLayer layer, Footprint p, double feature, double shiftA, double shiftB)
    {
        var period = feature * SyntheticScene.NoiseTileSide;
        var u = Frac(p.A.add(shiftA).div(period).add(layer.NoiseOffset.A)).mul(2.0).sub(1.0);
        var v = Frac(p.B.add(shiftB).div(period).add(layer.NoiseOffset.B)).mul(2.0).sub(1.0);
        using var grid = stack([u, v], -1).to(ScalarType.Float32).unsqueeze(0); // [1, h, w, 2] as (x, y)
        using var sampled = nn.functional.grid_sample(_tile, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: true);
        var keep = p.Max.div(feature).mul(-2.0).add(2.0).clamp(0.0, 1.0).to(ScalarType.Float32);
        return sampled.view(p.A.size(0), p.A.size(1)).sub(0.5).mul(keep).add(0.5);
    }

    /// <inheritdoc/>
    public void Dispose() => _tile.Dispose();
}
