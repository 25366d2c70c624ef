using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using WeClick.Vision;

namespace WeClick.Flow;

/// <summary>OpenCV's DIS flow (the default estimator: fast on a CPU, good on driving video).</summary>
/// <param name="Preset">Speed/accuracy preset.</param>
public sealed record DisFlowEstimator(DisPreset Preset = DisPreset.Medium) : IFlowEstimator
{
    /// <inheritdoc/>
    public string Key => $"opencv-dis-{Preset.ToString().ToLowerInvariant()}";

    /// <inheritdoc/>
    public Tensor Estimate(Tensor target, Tensor neighbour) => OpticalFlow.Dis(target, neighbour, Preset);
}

/// <summary>OpenCV's Farnebäck flow.</summary>
/// <param name="PyramidScale">Scale between pyramid levels (0, 1).</param>
/// <param name="Levels">Pyramid levels.</param>
/// <param name="WindowSize">Averaging window.</param>
/// <param name="Iterations">Iterations per level.</param>
/// <param name="PolyN">Neighbourhood for the polynomial expansion (5 or 7).</param>
/// <param name="PolySigma">Gaussian sigma of the expansion.</param>
public sealed record FarnebackFlowEstimator(double PyramidScale = 0.5, int Levels = 3, int WindowSize = 15, int Iterations = 3, int PolyN = 5, double PolySigma = 1.2)
    : IFlowEstimator
{
    /// <inheritdoc/>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"opencv-farneback-s{PyramidScale}-l{Levels}-w{WindowSize}-i{Iterations}-n{PolyN}-g{PolySigma}");

    /// <inheritdoc/>
    public Tensor Estimate(Tensor target, Tensor neighbour) =>
        OpticalFlow.Farneback(target, neighbour, PyramidScale, Levels, WindowSize, Iterations, PolyN, PolySigma);
}
