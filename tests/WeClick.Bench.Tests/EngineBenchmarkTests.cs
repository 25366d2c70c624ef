using WeClick.Benchmarks;

namespace WeClick.Bench.Tests;

public class EngineBenchmarkTests
{
    [Fact]
    public void Run_TimesEveryWorkloadOnBothSides_WithTwinsOfTheSameSize()
    {
        var lines = new List<string>();
        var result = EngineBenchmark.Run(new EngineBenchmarkOptions(Rounds: 1, Threads: 1, OverheadCalls: 100, ConvRepetitions: 1, StepRepetitions: 1), lines.Add);

        Assert.Equal([EngineBenchmark.OverheadWorkload, EngineBenchmark.ConvWorkload, EngineBenchmark.StepWorkload], result.Rows.Select(r => r.Workload));
        Assert.All(result.Rows, r => Assert.True(r.CSharpSeconds > 0 && r.PyTorchSeconds > 0, r.ToString()));
        // BenchNet and its PyTorch twin are the same network: the same number of parameters.
        Assert.Equal(result.BenchNetParameters.PyTorch, result.BenchNetParameters.CSharp);
        Assert.True(result.BenchNetParameters.CSharp > 100_000);
        Assert.Equal(1, result.Threads);
        Assert.Single(lines);
    }

    [Fact]
    public void Run_RejectsNegativeThreads()
    {
        var e = Assert.Throws<ArgumentException>(() => EngineBenchmark.Run(new EngineBenchmarkOptions(Threads: -1)));
        Assert.Contains("Threads = -1", e.Message);
    }
}
