using WeClick.Torch.Optim;

namespace WeClick.Torch.Tests;

public class LrScheduleTests
{
    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("optim.py"));

    private static double[] Expected(string name) => s_reference.Value["lr." + name].ToArray<double>();

    private static void AssertSchedule(string name, Func<long, double> schedule, int count = 15)
    {
        var expected = Expected(name);
        for (var i = 0; i < count; i++)
        {
            Assert.True(Math.Abs(expected[i] - schedule(i)) <= 1e-12, $"{name} at iteration {i}: PyTorch {expected[i]:R}, ours {schedule(i):R}");
        }
    }

    [Fact]
    public void Poly_MatchesPolynomialLR() => AssertSchedule("poly", i => Schedules.Poly(i, 0.1, maxIters: 10, power: 0.9));

    [Fact]
    public void Step_MatchesStepLR() => AssertSchedule("step", i => Schedules.Step(i, 0.1, stepSize: 4, gamma: 0.5));

    // CosineAnnealingLR is periodic after T_max; ours stays at the minimum, so compare up to T_max.
    [Fact]
    public void Cosine_MatchesCosineAnnealingLRUpToMaxIters() =>
        AssertSchedule("cosine", i => Schedules.Cosine(i, 0.1, maxIters: 10, minLr: 0.001), count: 11);

    [Fact]
    public void LinearWarmup_MatchesLinearLR() => AssertSchedule("linear", i => 0.1 * Schedules.LinearWarmup(i, 5, 0.1));

    [Fact]
    public void PolyWithWarmupAndMinLr_MatchesHandValues()
    {
        // (0.01 − 0.0001)·(1 − 2/10)^1 + 0.0001 = 0.00802, times warm-up 0.1 + 0.9·2/4 = 0.55.
        Assert.Equal(0.00802 * 0.55, Schedules.Poly(2, 0.01, 10, 1.0, 0.0001) * Schedules.LinearWarmup(2, 4, 0.1), 15);
        Assert.Equal(0.0001, Schedules.Poly(12, 0.01, 10, 1.0, 0.0001), 15);
        Assert.Equal(1.0, Schedules.LinearWarmup(7, 4, 0.1));
        Assert.Equal(0.001, Schedules.Cosine(25, 0.1, 10, 0.001));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.Poly(0, 0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.Step(-1, 0.1, 3));
    }

    [Fact]
    public void LrScheduler_SetsEveryGroupKeepingRatios()
    {
        using var scope = NewDisposeScope();
        using var a = nn.Linear(1, 1);
        using var b = nn.Linear(1, 1);
        using var optimizer = optim.SGD([new ParamGroup(a.parameters(), lr: 0.001), new ParamGroup(b.parameters())], lr: 0.01, momentum: 0.9);
        var scheduler = new LrScheduler(optimizer, (i, lr) => Schedules.Poly(i, lr, 10, 1.0) * Schedules.LinearWarmup(i, 2, 0.5));
        Assert.Equal([0.0005, 0.005], scheduler.get_last_lr());
        scheduler.step();
        Assert.Equal(0.001 * 0.9 * 0.75, optimizer.param_groups[0].lr, 15);
        Assert.Equal(0.01 * 0.9 * 0.75, optimizer.param_groups[1].lr, 15);
        Assert.Equal(1, scheduler.last_epoch);
        Assert.Equal([0.001, 0.01], optimizer.param_groups.Select(g => g.initial_lr!.Value));
        var resumed = new LrScheduler(optimizer, (i, lr) => Schedules.Poly(i, lr, 10, 1.0), last_epoch: 5);
        Assert.Equal([0.0005, 0.005], resumed.get_last_lr());
    }
}
