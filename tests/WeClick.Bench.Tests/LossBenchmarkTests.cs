using WeClick.Benchmarks;

namespace WeClick.Bench.Tests;

public class LossBenchmarkTests
{
    private static readonly LossBenchmarkOptions Tiny = new(Teacher: "deeplabv3plus-mobilenetv2", Height: 32, Width: 64, Frames: 2,
        Repetitions: 1, Threads: 1, Seed: 3, PyTorch: false);

    [Fact]
    public void Step_SameSeed_GivesTheSameLoss()
    {
        double First()
        {
            using var fixture = new LossBenchmarkFixture(Tiny);
            return fixture.Step(LossConfiguration.WeaklyKdMfd).Parts["total"];
        }
        var a = First();
        var b = First();
        Assert.True(double.IsFinite(a) && a > 0);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Step_SwitchedOffTerms_AreAbsentFromTheParts()
    {
        using var fixture = new LossBenchmarkFixture(Tiny);
        var pce = fixture.Step(LossConfiguration.PceOnly).Parts;
        var weakly = fixture.Step(LossConfiguration.Weakly).Parts;
        var kd = fixture.Step(LossConfiguration.WeaklyKd).Parts;
        var full = fixture.Step(LossConfiguration.WeaklyKdMfd).Parts;
        Assert.Equal(["pce", "total", "weakly"], pce.Keys.Order());
        Assert.Equal(["gcrf", "pce", "total", "weakly"], weakly.Keys.Order()); // β = γ = 0: no "kd", no "mfd"
        Assert.Equal(["gcrf", "kd", "pce", "total", "weakly"], kd.Keys.Order()); // β = 0: no "mfd"
        Assert.Equal(["gcrf", "kd", "mfd", "pce", "total", "weakly"], full.Keys.Order());
        Assert.True(weakly["gcrf"] > 0 && full["mfd"] > 0 && full["kd"] > 0);
    }

    [Fact]
    public void Run_MeasuresOnlyTheRowsAsked()
    {
        var result = LossBenchmark.Run(Tiny with { Rows = [(int)LossConfiguration.WeaklyKdMfd] });
        var row = Assert.Single(result.Rows);
        Assert.Equal("step: weakly+KD+MFD", row.Name);
        Assert.True(row.CSharpSeconds > 0 && double.IsFinite(row.CSharpLoss));
        Assert.Null(row.PyTorchSeconds); // Tiny runs without the twin
        Assert.Equal(1, result.Options.Threads);
    }

    [Fact]
    public void Run_RejectsAnUnknownRow()
    {
        var e = Assert.Throws<ArgumentException>(() => LossBenchmark.Run(Tiny with { Rows = [6] }));
        Assert.Contains("rows must be indices 0..5", e.Message);
    }

    [Fact]
    public void Run_RejectsABatchOfOne()
    {
        var e = Assert.Throws<ArgumentException>(() => LossBenchmark.Run(Tiny with { Batch = 1 }));
        Assert.Contains("batch must be at least 2", e.Message);
    }
}
