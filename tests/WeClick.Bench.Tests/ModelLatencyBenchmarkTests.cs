using WeClick.Benchmarks;

namespace WeClick.Bench.Tests;

public class ModelLatencyBenchmarkTests
{
    [Fact]
    public void Run_TimesBothSides_ForTheSameModel()
    {
        var lines = new List<string>();
        var rows = ModelLatencyBenchmark.Run(new ModelLatencyOptions(["pspnet-mobilenetv2"], [(32, 64)], Repetitions: 1, Threads: 1), lines.Add);
        var row = Assert.Single(rows);
        Assert.Equal(("pspnet-mobilenetv2", 32, 64), (row.Model, row.Height, row.Width));
        Assert.True(row.CSharpSeconds > 0 && row.PyTorchSeconds > 0);
        Assert.True(row.CSharpFoldedSeconds > 0 && row.FoldedRatio > 0);
        Assert.True(row.CSharpTunedSeconds > 0 && row.TunedRatio > 0);
        Assert.StartsWith("BatchNorm folded (", row.Tuning, StringComparison.Ordinal);
        Assert.Contains("NCHW weights", row.Tuning, StringComparison.Ordinal); // PSPNet: channels-last did not help
        Assert.Contains("C# folded", lines[0], StringComparison.Ordinal);
        Assert.Contains("C# tuned", lines[0], StringComparison.Ordinal);
        Assert.Single(lines);
    }

    [Fact]
    public void Run_RejectsTinySizes()
    {
        Assert.Throws<ArgumentException>(() => ModelLatencyBenchmark.Run(new ModelLatencyOptions(Sizes: [(8, 8)])));
    }
}
