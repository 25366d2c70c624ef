using WeClick.Benchmarks;

namespace WeClick.Bench.Tests;

public class MemorySoakBenchmarkTests
{
    // 60 real steps at 32x64, warm-up 20: a few seconds, but every figure of a full soak.
    private static readonly MemorySoakOptions Short = new(Steps: 60, Warmup: 20, SampleEvery: 15, Threads: 1, Height: 32, Width: 64, Frames: 2, Seed: 1);

    [Fact]
    public void Run_ShortSoak_FiguresFollowFromTheSamples()
    {
        var lines = new List<string>();
        var result = MemorySoakBenchmark.Run(Short, lines.Add);

        // Samples every 15 steps, plus the warm-up (20) and the last step (60, also a multiple of 15), in step order.
        Assert.Equal([15, 20, 30, 45, 60], result.Samples.Select(m => m.Step));
        Assert.All(result.Samples.Zip(result.Samples.Skip(1)), p => Assert.True(p.Second.Seconds > p.First.Seconds, $"{p.First} then {p.Second}"));
        Assert.All(result.Samples, m => Assert.True(m.ResidentBytes > 50L << 20, $"RSS {m.ResidentBytes} B at step {m.Step}")); // libtorch alone maps more
        Assert.Equal(result.Samples.Single(m => m.Step == 20).ResidentBytes, result.WarmupResidentBytes);
        Assert.Equal(result.Samples[^1].ResidentBytes, result.FinalResidentBytes);
        Assert.Equal(100.0 * (result.FinalResidentBytes - result.WarmupResidentBytes) / result.WarmupResidentBytes, result.GrowthPercent, 12);
        Assert.Equal(result.GrowthPercent <= 5.0, result.Passed);
        Assert.True(result.PeakResidentBytes >= result.Samples.Where(m => m.Step >= 20).Max(m => m.ResidentBytes));
        Assert.True(result.PeakResidentBytes < 4 * result.WarmupResidentBytes, $"peak {result.PeakResidentBytes} B");
        // Every step runs in a dispose scope: after the warm-up no tensor outlives its step.
        Assert.All(result.Samples.Where(m => m.Step >= 20), m => Assert.Equal(result.Samples.Single(w => w.Step == 20).LiveTensors, m.LiveTensors));
        Assert.True(result.SecondsPerStep > 0 && result.SecondsPerStep < result.Samples[^1].Seconds);
        Assert.True(double.IsFinite(result.FirstLoss) && result.FirstLoss > 0 && double.IsFinite(result.LastLoss));
        Assert.True(result.LastLoss < result.FirstLoss, $"60 SGD steps on one batch should lower the loss: {result.FirstLoss} → {result.LastLoss}");
        Assert.Equal("deeplabv3plus-mobilenetv2", result.Student);
        Assert.Equal(1, result.Options.Threads);
        Assert.Contains(lines, l => l.StartsWith("step 60/60: RSS ", StringComparison.Ordinal) && l.Contains("% from warm-up", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_RejectsAWarmupNotBeforeTheEnd()
    {
        var e = Assert.Throws<ArgumentException>(() => MemorySoakBenchmark.Run(Short with { Warmup = 60 }));
        Assert.Contains("warm-up 60, steps 60", e.Message);
    }

    [Fact]
    public void Run_RejectsABatchOfOne()
    {
        var e = Assert.Throws<ArgumentException>(() => MemorySoakBenchmark.Run(Short with { Batch = 1 }));
        Assert.Contains("got batch 1", e.Message);
    }
}
