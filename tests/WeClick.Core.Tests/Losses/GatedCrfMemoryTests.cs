using System.Diagnostics;
using System.Globalization;
using WeClick.Losses;
using Xunit.Abstractions;

namespace WeClick.Core.Tests.Losses;

/// <summary>
/// The offset loop never materialises N×C×(2r+1)²×h×w: at 4×19×96×96, r = 5 (the paper's N, C, r at half its 192×192
/// grid) one forward + backward must stay far below the size of ONE unfolded prediction (4·19·121·96·96·4 B = 339 MB;
/// the reference holds about three). Peak resident memory is sampled from /proc/self/status while the call runs.
/// </summary>
/// <remarks>Measured on the 2-core CPU workbench (float32, forward + backward): 96×96 0.42 s, peak RSS +90 MiB (one unfolded
/// prediction: 323 MiB); 192×192 (WECLICK_GCRF_SIZE=192) 2.75 s, +310 MiB (one unfolded prediction: 1293 MiB).</remarks>
public sealed class GatedCrfMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void PaperSetting_HalfSize_StaysFarBelowTheUnfoldedSize()
    {
        // WECLICK_GCRF_SIZE=192 measures the paper's own grid (used for the timing in the report).
        var size = long.TryParse(Environment.GetEnvironmentVariable("WECLICK_GCRF_SIZE"), out var s) ? s : 96;
        const long n = 4, c = 19, r = 5;
        var unfoldedBytes = n * c * (2 * r + 1) * (2 * r + 1) * size * size * 4;
        using var scope = NewDisposeScope();
        manual_seed(0);
        var prob = (randn(n, c, size, size) * 2).softmax(1).detach().requires_grad_();
        var image = randn(n, 3, size * 4, size * 4);
        var valid = ones(n, size * 4, size * 4);
        var settings = new GatedCrfSettings();

        // Warm-up on a tiny input (kernels, allocator), then measure.
        using (NewDisposeScope())
        {
            GatedCrfLoss.Compute(prob.narrow(2, 0, 8).narrow(3, 0, 8).detach(), image.narrow(2, 0, 32).narrow(3, 0, 32), null, settings);
        }
        // Measured twice: the first call also grows the allocator's heap, by an amount that depends on what ran earlier in
        // the process (the full suite vs this class alone: +299 vs +90 MiB); the second call reuses that heap. What this
        // test guards against, materialising N×C×(2r+1)²×h×w, cannot hide in the second call: a tensor that size is above
        // the 32 MiB mmap threshold, so it is mapped afresh on every call.
        var first = MeasureOnce(prob, image, valid, settings);
        var second = MeasureOnce(prob, image, valid, settings);
        using var grad = prob.grad;
        Assert.NotNull(grad);
        Assert.True(double.IsFinite(second.Value) && second.Value > 0);
        Assert.Equal(first.Value, second.Value);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n}x{c}x{size}x{size}, r={r}: forward+backward {second.Seconds:F2} s, loss {second.Value:G6}, peak RSS delta " +
            $"{first.Delta / 1048576.0:F0} MiB (first call) / {second.Delta / 1048576.0:F0} MiB (second) vs one unfolded prediction {unfoldedBytes / 1048576.0:F0} MiB"));
        Assert.True(second.Delta < unfoldedBytes / 2, $"peak RSS grew by {second.Delta / 1048576} MiB; one unfolded tensor is {unfoldedBytes / 1048576} MiB");
    }

    private static (long Delta, double Seconds, double Value) MeasureOnce(Tensor prob, Tensor image, Tensor valid, GatedCrfSettings settings)
    {
        var before = Rss();
        var peak = before;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.Wait(2))
            {
                peak = Math.Max(peak, Rss());
            }
        });
        sampler.Start();
        var clock = Stopwatch.StartNew();
        double value;
        using (NewDisposeScope())
        {
            prob.grad = null;
            var loss = GatedCrfLoss.Compute(prob, image, valid, settings);
            loss.backward();
            value = loss.item<float>();
        }
        clock.Stop();
        done.Set();
        sampler.Join();
        peak = Math.Max(peak, Rss());
        return (peak - before, clock.Elapsed.TotalSeconds, value);
    }

    private static long Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }
}
