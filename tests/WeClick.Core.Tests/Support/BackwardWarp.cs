namespace WeClick.Core.Tests.Support;

/// <summary>
/// Backward warping as the on-disk contract defines flows (algorithms.md §4.1): warped(p) = image(p + flow(p)),
/// grid_sample with align_corners = true and grid = 2·(x + u)/(W − 1) − 1. The library's own warping
/// arrives with the Flow stage (issue #5); tests of the data layer use this small twin.
/// </summary>
internal static class BackwardWarp
{
    /// <summary>Warps [C, H, W] by a [2, H, W] flow.</summary>
    public static Tensor Apply(Tensor image, Tensor flow, string mode)
    {
        using var scope = NewDisposeScope();
        long h = image.size(1), w = image.size(2);
        var xs = arange(w, ScalarType.Float32).view(1, w).add(flow[0]).mul(2.0 / (w - 1)).sub(1.0);
        var ys = arange(h, ScalarType.Float32).view(h, 1).add(flow[1]).mul(2.0 / (h - 1)).sub(1.0);
        var grid = stack([xs, ys], -1).unsqueeze(0);
        var sampling = mode switch
        {
            "bilinear" => GridSampleMode.Bilinear,
            "nearest" => GridSampleMode.Nearest,
            _ => throw new ArgumentException($"BackwardWarp: mode must be 'bilinear' or 'nearest', got '{mode}'.", nameof(mode)),
        };
        return nn.functional.grid_sample(image.unsqueeze(0), grid, sampling, GridSamplePaddingMode.Border, align_corners: true)
            .squeeze(0).MoveToOuterDisposeScope();
    }

    /// <summary>uint8 [H, W, 3] → float32 grey [1, H, W].</summary>
    public static Tensor Grey(Tensor frame) => frame.to(ScalarType.Float32).mean([2]).unsqueeze(0);
}
