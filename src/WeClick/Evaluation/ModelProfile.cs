using System.Diagnostics;
using TorchSharp;
using WeClick.Models;
using static TorchSharp.torch;

namespace WeClick.Evaluation;

/// <summary>
/// A model's size and speed as the paper reports them (#Params, FPS), with what the speed depends on: the device, the
/// libtorch thread count and the input size.
/// </summary>
/// <param name="Model">The model's catalogue name.</param>
/// <param name="Parameters">Number of parameters (every parameter tensor, trainable or not; no buffers).</param>
/// <param name="Device">Where it ran ("cpu", "cuda:0").</param>
/// <param name="Threads">libtorch intra-op threads (<c>torch.get_num_threads</c>) during the run.</param>
/// <param name="Height">Input height.</param>
/// <param name="Width">Input width.</param>
/// <param name="WarmupFrames">Untimed forwards before timing.</param>
/// <param name="TimedFrames">Timed forwards.</param>
/// <param name="MedianLatencyMs">Median latency of one forward (batch 1, eval, no grad), milliseconds.</param>
/// <param name="LatenciesMs">Every timed latency, in order, milliseconds.</param>
public sealed record ModelProfile(string Model, long Parameters, string Device, int Threads, int Height, int Width,
    int WarmupFrames, int TimedFrames, double MedianLatencyMs, IReadOnlyList<double> LatenciesMs)
{
    /// <summary>Frames per second of single-frame inference: 1000 / median latency.</summary>
    public double Fps => 1000.0 / MedianLatencyMs;

    /// <summary>The number of parameters of <paramref name="model"/> (what the paper's #Params column counts, here in units, not millions).</summary>
    public static long CountParameters(Segmentor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.parameter_count();
    }

    /// <summary>
    /// Times <paramref name="timedFrames"/> single-frame forwards (batch 1, eval mode, no grad) of a random normalised
    /// input of the given size on the model's device, after <paramref name="warmupFrames"/> untimed ones (first-call
    /// allocation, cuDNN autotuning). On CUDA each forward is followed by a device synchronisation, so the time is the
    /// kernel's, not the launch's. The model's mode is restored afterwards.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size below 1, no timed frame, or a negative warm-up.</exception>
    public static ModelProfile Measure(Segmentor model, int height, int width, int timedFrames = 20, int warmupFrames = 3)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(timedFrames, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupFrames);
        var device = Evaluator.DeviceOf(model);
        var latencies = new double[timedFrames];
        using (Evaluator.EvalMode(model))
        using (no_grad())
        {
            using var scope = NewDisposeScope();
            var input = randn([1, 3, height, width], device: device);
            for (var i = 0; i < warmupFrames + timedFrames; i++)
            {
                using var frame = NewDisposeScope();
                var clock = Stopwatch.StartNew();
                _ = model.call(input);
                if (device.type == DeviceType.CUDA)
                {
                    cuda.synchronize(device);
                }
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (i >= warmupFrames)
                {
                    latencies[i - warmupFrames] = elapsed;
                }
            }
        }
        var sorted = latencies.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new ModelProfile(model.Name, CountParameters(model), device.ToString(), get_num_threads(), height, width,
            warmupFrames, timedFrames, median, latencies);
    }
}
