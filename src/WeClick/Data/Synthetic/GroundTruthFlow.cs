using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data.Synthetic;

/// <summary>
/// Exact flow between two rendered frames of a scene, in the project's convention (algorithms.md §4.1, the
/// on-disk contract): defined on the target frame F's grid, pixel p of F shows the scene point that frame f
/// shows at p + flow(p), so <c>warped_f(p) = frame_f(p + flow(p))</c> is backward warping (grid_sample).
/// For the layer L visible at p in F with layer coordinates q = H_F⁻¹(p), p + flow(p) = H_f(q).
/// </summary>
internal static class GroundTruthFlow
{
    /// <summary>
    /// Returns flow float32 [2, H, W] (u, v in pixels) and valid bool [H, W]: the point is in front of the
    /// camera in f, p + flow rounds to a pixel inside frame f, and that pixel shows the same layer (visible in
    /// both frames). Where the point is behind the camera in f the flow is 0 and invalid.
    /// </summary>
    public static (Tensor Flow, Tensor Valid) Compute(SyntheticScene scene, RenderedFrame target, RenderedFrame other, int otherIndex)
    {
        var settings = scene.Settings;
        int width = settings.Width, height = settings.Height;
        var dt = otherIndex - settings.LabelledIndex;
        using var scope = NewDisposeScope();
        var table = new double[scene.Layers.Count * 9];
        for (var i = 0; i < scene.Layers.Count; i++)
        {
            scene.Camera.Homography(scene.Layers[i], dt).CopyTo(table, 9 * i);
        }
        var layer = target.LayerIndex.flatten();
        var h = tensor(table, [scene.Layers.Count, 9]).index_select(0, layer); // [H·W, 9]: H_f of each pixel's layer
        var a = target.A.flatten();
        var b = target.B.flatten();
        Tensor Row(int r) => h.select(1, 3 * r).mul(a).add(h.select(1, 3 * r + 1).mul(b)).add(h.select(1, 3 * r + 2));
        var depth = Row(2);
        var front = depth.gt(1e-6);
        var safe = torch.where(front, depth, 1.0);
        var x = Row(0).div(safe);
        var y = Row(1).div(safe);
        var px = arange(width, ScalarType.Float64).repeat(height);
        var py = arange(height, ScalarType.Float64).view(height, 1).expand(height, width).flatten();
        var u = torch.where(front, x.sub(px), 0.0);
        var v = torch.where(front, y.sub(py), 0.0);
        var inFrame = front.logical_and(x.gt(-0.5)).logical_and(x.lt(width - 0.5)).logical_and(y.gt(-0.5)).logical_and(y.lt(height - 0.5));
        var xi = x.clamp(0.0, width - 1.0).round().to(ScalarType.Int64);
        var yi = y.clamp(0.0, height - 1.0).round().to(ScalarType.Int64);
        var seen = other.LayerIndex.flatten().gather(0, yi.mul(width).add(xi));
        var valid = inFrame.logical_and(seen.eq(layer)).view(height, width);
        var flow = stack([u, v], 0).to(ScalarType.Float32).view(2, height, width);
        return (flow.DetachFromDisposeScope(), valid.DetachFromDisposeScope());
    }
}
