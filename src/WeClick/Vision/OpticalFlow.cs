using WeClick.Torch.Interop;

namespace WeClick.Torch.Vision;

/// <summary>Presets of OpenCV's DIS optical flow (Kroeger et al. 2016), fastest to most accurate.</summary>
public enum DisPreset
{
    /// <summary>PRESET_ULTRAFAST.</summary>
    UltraFast = 0,
    /// <summary>PRESET_FAST.</summary>
    Fast = 1,
    /// <summary>PRESET_MEDIUM.</summary>
    Medium = 2,
}

/// <summary>
/// Dense optical flow through OpenCV. Every result is a float32 [2, H, W] (u, v) in pixels on the TARGET frame's
/// grid, such that <c>target(p) ≈ neighbour(p + flow(p))</c>: backward-warping flow, what grid_sample needs to bring
/// the neighbour onto the target (algorithms.md §4.1; OpenCV's <c>calc(prev = target, next = neighbour)</c>).
/// Inputs are uint8 [H, W] grey or [H, W, 3] RGB frames of the same size.
/// </summary>
public static class OpticalFlow
{
    /// <summary>DIS optical flow.</summary>
    public static Tensor Dis(Tensor target, Tensor neighbour, DisPreset preset = DisPreset.Medium) =>
        Tensor.Wrap(NativeMethods.WcCv_flow_dis(target.Handle, neighbour.Handle, (int)preset, out var r), r);

    /// <summary>Farnebäck's polynomial-expansion flow (OpenCV's defaults as in its samples: 0.5, 3, 15, 3, 5, 1.2).</summary>
    public static Tensor Farneback(Tensor target, Tensor neighbour, double pyramidScale = 0.5, int levels = 3, int windowSize = 15,
        int iterations = 3, int polyN = 5, double polySigma = 1.2) =>
        Tensor.Wrap(NativeMethods.WcCv_flow_farneback(target.Handle, neighbour.Handle, pyramidScale, levels, windowSize, iterations, polyN, polySigma, out var r), r);
}
