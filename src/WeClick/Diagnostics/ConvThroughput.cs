using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Diagnostics;

/// <summary>
/// A quick health figure for the engine: forward-pass throughput of one 3×3 convolution
/// (64→64 channels on 4×64×96×96, the layer shape of a ResNet stage), in GFLOP/s.
/// </summary>
/// <param name="Device">Where it ran.</param>
/// <param name="Calls">How many forward calls were timed.</param>
/// <param name="MedianMilliseconds">Median time of one call.</param>
/// <param name="Gflops">2·MACs / median time.</param>
public sealed record ConvThroughput(string Device, int Calls, double MedianMilliseconds, double Gflops)
{
    /// <summary>The input shape [N, C, H, W].</summary>
    public static readonly long[] InputShape = [4, 64, 96, 96];

    /// <summary>Multiply-accumulates of one call: N·C_out·H·W·C_in·3·3.</summary>
    public static double MultiplyAccumulates => 4.0 * 64 * 96 * 96 * 64 * 9;

    /// <summary>Runs the convolution repeatedly for about <paramref name="duration"/> after a warm-up.</summary>
    public static ConvThroughput Measure(TimeSpan duration, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var input = torch.empty(InputShape, device: device).normal_();
        var weight = torch.empty([64, 64, 3, 3], device: device).normal_();
        for (var i = 0; i < 3; i++)
        {
            using var warm = F.conv2d(input, weight, padding: [1, 1]);
        }
        Synchronize(device);
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < duration || times.Count < 3)
        {
            var call = Stopwatch.StartNew();
            using var output = F.conv2d(input, weight, padding: [1, 1]);
            Synchronize(device); // CUDA runs asynchronously: time the kernel, not its launch
            times.Add(call.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        return new ConvThroughput(device.ToString(), times.Count, median, 2 * MultiplyAccumulates / (median * 1e6));
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.synchronize(device);
        }
    }
}
