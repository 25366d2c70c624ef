using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Core.Tests.Training;

public sealed class PolyScheduleTests
{
    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("poly_sgd.py"));

    [Fact]
    public void LearningRate_MatchesPolynomialLR()
    {
        var expected = s_reference.Value["lr.poly"].data<double>().ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            var ours = PolySchedule.LearningRate(i, 0.1, totalSteps: 10, power: 0.9);
            // PyTorch applies the decay as a chain of per-step factors; the closed form agrees to rounding.
            Assert.True(Math.Abs(expected[i] - ours) <= 1e-12, $"iteration {i}: PyTorch {expected[i]:R}, ours {ours:R}");
        }
    }

    [Fact]
    public void LearningRate_HandValues_AndBadArgumentsThrow()
    {
        Assert.Equal(0.01, PolySchedule.LearningRate(0, 0.01, 10, 0.9));
        Assert.Equal(0.01 * Math.Pow(0.8, 0.9), PolySchedule.LearningRate(2, 0.01, 10, 0.9), 15);
        Assert.Equal(0.0, PolySchedule.LearningRate(12, 0.01, 10, 0.9)); // clamped at the end of the run
        Assert.Throws<ArgumentOutOfRangeException>(() => PolySchedule.LearningRate(0, 0.1, 0, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolySchedule.LearningRate(-1, 0.1, 10, 0.9));
    }

    [Fact]
    public void LoopOptimizer_WithPolyPerStep_ReachesPyTorchsWeights()
    {
        // TrainingLoop's optimiser and per-step rate on a small float64 MLP, against torch.optim.SGD + PolynomialLR.
        const int steps = 12;
        var reference = s_reference.Value;
        using var scope = NewDisposeScope();
        using var net = nn.Sequential(("0", nn.Linear(4, 3)), ("1", nn.ReLU()), ("2", nn.Linear(3, 2)));
        net.to(ScalarType.Float64);
        using (no_grad())
        {
            foreach (var (name, parameter) in net.named_parameters())
            {
                parameter.copy_(reference["initial." + name]);
            }
        }
        var schedule = new ScheduleConfig { LearningRate = 0.05, Momentum = 0.9, WeightDecay = 1e-4, PolyPower = 0.9 };
        using var optimizer = TrainingLoop.CreateOptimizer(net, schedule);
        var (x, t) = (reference["x"], reference["t"]);
        for (var s = 0; s < steps; s++)
        {
            using var stepScope = NewDisposeScope();
            PolySchedule.Apply(optimizer, PolySchedule.LearningRate(s, schedule.LearningRate, steps, schedule.PolyPower));
            var y = net.call(x);
            var loss = (y - t).mul(y - t).sum().div(y.size(0));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        Assert.Equal(4, net.named_parameters().Count());
        foreach (var (name, parameter) in net.named_parameters())
        {
            TensorAssert.Close(reference["final." + name], parameter, rtol: 1e-10, atol: 1e-12);
        }
    }

    [Fact]
    public void CreateOptimizer_LeavesFrozenParametersOut()
    {
        using var net = nn.Sequential(("0", nn.Linear(2, 2)), ("1", nn.Linear(2, 1)));
        foreach (var p in net.named_parameters().Where(p => p.name.StartsWith("0.", StringComparison.Ordinal)))
        {
            p.parameter.requires_grad = false;
        }
        using var optimizer = TrainingLoop.CreateOptimizer(net, new ScheduleConfig());
        Assert.Equal(2, optimizer.parameters().Count());
    }
}
