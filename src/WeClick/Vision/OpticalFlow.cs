using TorchSharp;
using WeClick.Vision.Interop;
using static TorchSharp.torch;

namespace WeClick.Vision;

/// <summary>
/// Dense optical flow through OpenCV. Every result is a new CPU float32 [2, H, W] (u, v) in pixels on the TARGET frame's
/// grid, such that <c>target(p) ≈ neighbour(p + flow(p))</c>: backward-warping flow, what grid_sample needs to bring
/// the neighbour onto the target (algorithms.md §4.1; OpenCV's <c>calc(prev = target, next = neighbour)</c>).
/// Inputs are uint8 [H, W] grey or [H, W, 3] RGB frames of the same size (copied to contiguous CPU memory if they are not).
/// </summary>
public static class OpticalFlow
{
    /// <summary>DIS optical flow.</summary>
    /// <exception cref="OpenCvException">The frames are not uint8 grey/RGB images of one size, or the preset is unknown.</exception>
    public static Tensor Dis(Tensor target, Tensor neighbour, DisPreset preset = DisPreset.Medium)
    {
        using var t = TensorImage.Input(target);
        using var n = TensorImage.Input(neighbour);
        return Into(t, flow => NativeMethods.WcFlow_dis(t.Image, n.Image, (int)preset, flow));
    }

    /// <summary>Farnebäck's polynomial-expansion flow (OpenCV's defaults as in its samples: 0.5, 3, 15, 3, 5, 1.2).</summary>
    /// <exception cref="OpenCvException">The frames are not uint8 grey/RGB images of one size, or a parameter is out of range.</exception>
    public static Tensor Farneback(Tensor target, Tensor neighbour, double pyramidScale = 0.5, int levels = 3, int windowSize = 15,
        int iterations = 3, int polyN = 5, double polySigma = 1.2)
    {
        using var t = TensorImage.Input(target);
        using var n = TensorImage.Input(neighbour);
        return Into(t, flow => NativeMethods.WcFlow_farneback(t.Image, n.Image, pyramidScale, levels, windowSize, iterations, polyN, polySigma, flow));
    }

    // Allocates the [2, H, W] result on the target's grid and lets the shim fill it; disposes it if the call fails.
    private static Tensor Into(TensorImage target, Func<IntPtr, int> call, [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        var flow = empty([2, target.Image.Height, target.Image.Width], ScalarType.Float32);
        try
        {
            NativeStatus.Check(call(TensorImage.DataPointer(flow)), operation);
            GC.KeepAlive(flow);
            return flow;
        }
        catch
        {
            flow.Dispose();
            throw;
        }
    }
}
