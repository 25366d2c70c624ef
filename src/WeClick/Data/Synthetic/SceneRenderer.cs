using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data.Synthetic;

/// <summary>
/// Renders a <see cref="SyntheticScene"/> frame by inverse mapping: for each layer, every pixel (x, y) in the
/// layer's projected bounding box is mapped through the inverse homography to the layer's (a, b) and its depth;
/// a depth buffer keeps the nearest covering layer (so occlusion is exact for any arrangement of planes). The
/// label, instance id, colour and the (a, b) used for ground-truth flow all come from this one visibility
/// decision, so they agree pixel for pixel. Pixel centres are at integer coordinates (align_corners = true).
/// </summary>
internal sealed class SceneRenderer : IDisposable
{
    private readonly SyntheticScene _scene;
    private readonly int _width, _height;
    private readonly Tensor _xs, _ys;
    private readonly SurfaceShader _shader;

    public SceneRenderer(SyntheticScene scene)
    {
        _scene = scene;
        _width = scene.Settings.Width;
        _height = scene.Settings.Height;
        _xs = arange(_width, ScalarType.Float64).view(1, _width).DetachFromDisposeScope();
        _ys = arange(_height, ScalarType.Float64).view(_height, 1).DetachFromDisposeScope();
        _shader = new SurfaceShader(scene);
    }

    /// <summary>Renders frame <paramref name="t"/> (0-based in the snippet).</summary>
    public RenderedFrame Render(int t)
    {
        var dt = t - _scene.Settings.LabelledIndex;
        using var scope = NewDisposeScope();
        var index = zeros([_height, _width], ScalarType.Int64);
        var depthBuffer = full([_height, _width], double.PositiveInfinity, ScalarType.Float64);
        var aMap = zeros([_height, _width], ScalarType.Float64);
        var bMap = zeros([_height, _width], ScalarType.Float64);
        var colour = zeros([3, _height, _width], ScalarType.Float32);
        // Front to back (nearest corner first), so that a layer hidden behind what is already drawn is skipped after
        // one comparison. The depth test alone decides visibility, so the order changes nothing else.
        var order = new List<(double Nearest, int Index, double[] H, (int, int, int, int) Box)>();
        for (var i = 0; i < _scene.Layers.Count; i++)
        {
            var h = _scene.Camera.Homography(_scene.Layers[i], dt);
            if (ProjectedBox(_scene.Layers[i], h) is { } projected)
            {
                order.Add((projected.Nearest, i, h, projected.Box));
            }
        }
        order.Sort((p, q) => p.Nearest != q.Nearest ? p.Nearest.CompareTo(q.Nearest) : p.Index.CompareTo(q.Index));
        foreach (var (nearest, i, h, (x0, y0, x1, y1)) in order)
        {
            using var layerScope = NewDisposeScope();
            var layer = _scene.Layers[i];
            var depthView = depthBuffer.narrow(0, y0, y1 - y0).narrow(1, x0, x1 - x0);
            if (nearest > 0 && depthView.max().item<double>() <= nearest)
            {
                continue; // everything in its box is already nearer than its nearest point
            }
            var inv = SceneCamera.Invert(h);
            var xs = _xs.narrow(1, x0, x1 - x0);
            var ys = _ys.narrow(0, y0, y1 - y0);
            // (a, b, 1)/depth = H⁻¹·(x, y, 1); the third row is 1/depth, positive in front of the camera.
            var w = xs.mul(inv[6]).add(ys.mul(inv[7])).add(inv[8]);
            var front = w.gt(1e-9);
            var safe = torch.where(front, w, 1.0);
            var a = xs.mul(inv[0]).add(ys.mul(inv[1])).add(inv[2]).div(safe);
            var b = xs.mul(inv[3]).add(ys.mul(inv[4])).add(inv[5]).div(safe);
            var depth = safe.reciprocal();
            var (covered, partMasks) = _shader.Cover(layer, a, b);
            var wins = covered.logical_and(front).logical_and(depth.lt(depthView));
            if (!wins.any().item<bool>())
            {
                continue;
            }
            // One pixel's footprint on the layer, |∂/∂x| + |∂/∂y| of a and b (∂a/∂x = (H⁻¹₀₀ − a·H⁻¹₂₀)/w, ...):
            // the shader box-filters its patterns over it, so textures do not alias (a camera integrates over a pixel).
            var footA = a.mul(-inv[6]).add(inv[0]).abs().add(a.mul(-inv[7]).add(inv[1]).abs()).div(safe);
            var footB = b.mul(-inv[6]).add(inv[3]).abs().add(b.mul(-inv[7]).add(inv[4]).abs()).div(safe);
            var layerColour = _shader.Paint(layer, partMasks, a, b, footA, footB);
            depthView.copy_(torch.where(wins, depth, depthView));
            index.narrow(0, y0, y1 - y0).narrow(1, x0, x1 - x0).masked_fill_(wins, i);
            var aView = aMap.narrow(0, y0, y1 - y0).narrow(1, x0, x1 - x0);
            aView.copy_(torch.where(wins, a, aView));
            var bView = bMap.narrow(0, y0, y1 - y0).narrow(1, x0, x1 - x0);
            bView.copy_(torch.where(wins, b, bView));
            var colourView = colour.narrow(1, y0, y1 - y0).narrow(2, x0, x1 - x0);
            colourView.copy_(torch.where(wins.unsqueeze(0), layerColour, colourView));
        }
        return new RenderedFrame(index.DetachFromDisposeScope(), aMap.DetachFromDisposeScope(), bMap.DetachFromDisposeScope(),
            colour.DetachFromDisposeScope());
    }

    /// <summary>
    /// The pixel box [x0, x1) × [y0, y1) that contains the layer at this frame: the projection of its (a, b)
    /// bounding box's corners (a projective map keeps a convex region inside the hull of its corners' images while
    /// all of them are in front of the camera), widened by a pixel; the whole frame if a corner is behind the camera;
    /// null if it misses the frame. Nearest is the smallest corner depth (depth is affine on a plane, so no point of
    /// the layer is nearer), 0 when a corner is behind the camera.
    /// </summary>
    private ((int, int, int, int) Box, double Nearest)? ProjectedBox(SceneLayer layer, double[] h)
    {
        var (a0, b0, a1, b1) = layer.Bounds;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue, nearest = double.MaxValue;
        foreach (var (a, b) in new[] { (a0, b0), (a1, b0), (a1, b1), (a0, b1) })
        {
            var z = h[6] * a + h[7] * b + h[8];
            if (z <= 1e-3)
            {
                return ((0, 0, _width, _height), 0);
            }
            nearest = Math.Min(nearest, z);
            var x = (h[0] * a + h[1] * b + h[2]) / z;
            var y = (h[3] * a + h[4] * b + h[5]) / z;
            (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
        }
        var x0 = (int)Math.Max(0, Math.Floor(Math.Max(minX, -1e6)) - 1);
        var y0 = (int)Math.Max(0, Math.Floor(Math.Max(minY, -1e6)) - 1);
        var x1 = (int)Math.Min(_width, Math.Ceiling(Math.Min(maxX, 1e6)) + 2);
        var y1 = (int)Math.Min(_height, Math.Ceiling(Math.Min(maxY, 1e6)) + 2);
        return x0 < x1 && y0 < y1 ? ((x0, y0, x1, y1), nearest) : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _xs.Dispose();
        _ys.Dispose();
        _shader.Dispose();
    }
}
