using TorchSharp;
using WeClick.Serialization;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Flow;

/// <summary>
/// Backward warping with a dense flow on the output grid (WeClick §3.3, Eq. 3's resampling h; algorithms.md §4.1, A2):
/// warped(p) = source(p + flow(p)), as flownet2's Resample2d and ETC/LAI do.
/// </summary>
/// <remarks>
/// Convention (the one place it is fixed for the library): <c>grid_sample(source, grid, mode, padding_mode = "border",
/// align_corners = true)</c> with grid_x = 2(x + u)/(W − 1) − 1 and grid_y = 2(y + v)/(H − 1) − 1, so that −1 and +1 are the
/// centres of the first and last pixels and a flow of one pixel moves content by exactly one pixel. The (W − 1)
/// normalisation and align_corners = true must go together (with align_corners = false it gives a half-pixel shift).
/// Values outside the frame are border-replicated (Resample2d's clamping); whether a sample fell outside is reported
/// separately by the validity mask, computed from the sample positions, not from the sampled values.
/// Flow layout: channel 0 = u (horizontal, x), channel 1 = v (vertical, y), in pixels (as <see cref="FloFile"/>).
/// </remarks>
public static class Warp
{
    /// <summary>
    /// The normalised sampling grid of <paramref name="flow"/>: grid[n, y, x] = (2(x + u)/(W − 1) − 1, 2(y + v)/(H − 1) − 1),
    /// for <c>grid_sample(..., align_corners: true)</c>.
    /// </summary>
    /// <param name="flow">[N, 2, H, W] floating point, pixels; H, W ≥ 2.</param>
    /// <returns>[N, H, W, 2], the flow's dtype and device; differentiable in <paramref name="flow"/>.</returns>
    /// <exception cref="ArgumentException">The flow is not floating [N, 2, H, W] with H, W ≥ 2.</exception>
    public static Tensor SamplingGrid(Tensor flow)
    {
        CheckFlow(flow);
        using var scope = NewDisposeScope();
        var (x, y) = Positions(flow);
        long h = flow.size(2), w = flow.size(3);
        var gx = x.mul(2.0 / (w - 1)).sub(1.0);
        var gy = y.mul(2.0 / (h - 1)).sub(1.0);
        return stack([gx, gy], -1).MoveToOuterDisposeScope(); // [N, H, W, 2]
    }

    /// <summary>
    /// Warps <paramref name="source"/> onto the flow's grid: warped(n, c, p) = source(n, c, p + flow(n, p)), and
    /// valid(n, p) = 1 where p + flow(n, p) lies inside the frame ([0, W − 1] × [0, H − 1], pixel centres), else 0.
    /// </summary>
    /// <param name="source">[N, C, H, W] floating point (probabilities, images, or labels as float with nearest mode).</param>
    /// <param name="flow">[N, 2, H, W] floating point, pixels, on the output (target) grid; same dtype as the source.</param>
    /// <param name="mode"><c>"bilinear"</c> (default; probabilities, images) or <c>"nearest"</c> (label maps: keeps label values).</param>
    /// <returns>(Warped [N, C, H, W], differentiable in source and flow; Valid [N, 1, H, W] in the source's dtype, 1/0, no gradient).</returns>
    /// <exception cref="ArgumentException">Shapes, dtypes or the mode are wrong.</exception>
    public static (Tensor Warped, Tensor Valid) Backward(Tensor source, Tensor flow, string mode = "bilinear")
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckFlow(flow);
        var sampling = mode switch
        {
            "bilinear" => GridSampleMode.Bilinear,
            "nearest" => GridSampleMode.Nearest,
            _ => throw new ArgumentException($"Warp.Backward: mode must be 'bilinear' or 'nearest', got '{mode}'.", nameof(mode)),
        };
        if (source.dim() != 4 || source.size(0) != flow.size(0) || source.size(2) != flow.size(2) || source.size(3) != flow.size(3))
        {
            throw new ArgumentException(
                $"Warp.Backward: source must be [N, C, H, W] matching flow [N, 2, H, W] = [{string.Join(", ", flow.shape)}], got [{string.Join(", ", source.shape)}].",
                nameof(source));
        }
        if (source.dtype != flow.dtype)
        {
            throw new ArgumentException($"Warp.Backward: source dtype {source.dtype} differs from flow dtype {flow.dtype}.", nameof(source));
        }
        using var scope = NewDisposeScope();
        var grid = SamplingGrid(flow);
        var warped = F.grid_sample(source, grid, sampling, GridSamplePaddingMode.Border, align_corners: true);
        Tensor valid;
        using (no_grad())
        {
            var (x, y) = Positions(flow.detach());
            long h = flow.size(2), w = flow.size(3);
            var inside = x.ge(0).logical_and(x.le(w - 1)).logical_and(y.ge(0)).logical_and(y.le(h - 1));
            valid = inside.unsqueeze(1).to(source.dtype); // [N, 1, H, W]
        }
        return (warped.MoveToOuterDisposeScope(), valid.MoveToOuterDisposeScope());
    }

    /// <summary>Sample positions in pixels: x + u and y + v, each [N, H, W].</summary>
    private static (Tensor X, Tensor Y) Positions(Tensor flow)
    {
        long h = flow.size(2), w = flow.size(3);
        var xs = arange(w, flow.dtype, flow.device).view(1, 1, w);
        var ys = arange(h, flow.dtype, flow.device).view(1, h, 1);
        return (flow.select(1, 0).add(xs), flow.select(1, 1).add(ys));
    }

    private static void CheckFlow(Tensor flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (flow.dim() != 4 || flow.size(1) != 2 || flow.size(2) < 2 || flow.size(3) < 2)
        {
            throw new ArgumentException($"Warp: flow must be [N, 2, H, W] with H, W >= 2, got [{string.Join(", ", flow.shape)}].", nameof(flow));
        }
        if (!is_floating_point(flow.dtype))
        {
            throw new ArgumentException($"Warp: flow must be floating point, got {flow.dtype}.", nameof(flow));
        }
    }
}
