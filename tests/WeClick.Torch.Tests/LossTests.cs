using F = WeClick.Torch.torch.nn.functional;
using Reduction = WeClick.Torch.torch.nn.Reduction;

namespace WeClick.Torch.Tests;

/// <summary>Losses against python3-torch (Reference/loss.py) and hand-computed values.</summary>
public class LossTests(LossReference reference) : IClassFixture<LossReference>
{
    private static readonly (string Name, Reduction Value)[] s_reductions =
        [("none", Reduction.None), ("mean", Reduction.Mean), ("sum", Reduction.Sum)];

    [Theory]
    [InlineData("2")]
    [InlineData("4")]
    public void CrossEntropyAndNllLoss_MatchPyTorch(string shape)
    {
        using var scope = NewDisposeScope();
        var input = reference[$"in{shape}"];
        var logProbabilities = input.log_softmax(1);
        var cases = 0;
        foreach (var (name, reduction) in s_reductions)
        {
            foreach (var weighted in new[] { "w", "nw" })
            {
                var weight = weighted == "w" ? reference["weight"] : null;
                foreach (var ignoreIndex in new long[] { -100, 2 })
                {
                    var target = reference[$"t{shape}.{ignoreIndex}"];
                    foreach (var smoothing in new[] { "0", "0.2" })
                    {
                        var loss = F.cross_entropy(input, target, weight, ignoreIndex, reduction, double.Parse(smoothing, System.Globalization.CultureInfo.InvariantCulture));
                        TensorAssert.Close(reference[$"ce.{shape}.{name}.{weighted}.{ignoreIndex}.{smoothing}"], loss);
                        cases++;
                    }
                    TensorAssert.Close(reference[$"nll.{shape}.{name}.{weighted}.{ignoreIndex}"],
                        F.nll_loss(logProbabilities, target, weight, ignoreIndex, reduction));
                }
            }
        }
        Assert.Equal(24, cases);
    }

    [Fact]
    public void CrossEntropy_ProbabilityTargetsMatchPyTorch()
    {
        using var scope = NewDisposeScope();
        foreach (var (name, reduction) in s_reductions)
        {
            foreach (var smoothing in new[] { 0.0, 0.2 })
            {
                var key = $"ce.soft.{name}.{(smoothing == 0 ? "0" : "0.2")}";
                TensorAssert.Close(reference[key],
                    F.cross_entropy(reference["in2"], reference["soft"], reference["weight"], reduction: reduction, label_smoothing: smoothing));
            }
        }
    }

    [Fact]
    public void CrossEntropy_HandComputed()
    {
        using var scope = NewDisposeScope();
        // softmax([0, ln 3]) = [1/4, 3/4]: −log(3/4) for class 1, −log(1/4) for class 0.
        var logits = tensor(new double[] { 0, Math.Log(3), 0, Math.Log(3) }, [2, 2]);
        var target = tensor(new long[] { 1, 0 });
        TensorAssert.Values([Math.Log(4.0 / 3), Math.Log(4)], F.cross_entropy(logits, target, reduction: Reduction.None), 1e-12);
        TensorAssert.Values([(Math.Log(4.0 / 3) + Math.Log(4)) / 2], F.cross_entropy(logits, target).reshape(1), 1e-12);
        // Weights w = [1, 3]: mean is (3·log(4/3) + 1·log 4) / (3 + 1).
        var weight = tensor(new double[] { 1, 3 });
        TensorAssert.Values([(3 * Math.Log(4.0 / 3) + Math.Log(4)) / 4], F.cross_entropy(logits, target, weight).reshape(1), 1e-12);
        // ignore_index = 0 drops the second sample entirely (also from the divisor).
        TensorAssert.Values([Math.Log(4.0 / 3)], F.cross_entropy(logits, target, ignore_index: 0).reshape(1), 1e-12);
    }

    [Fact]
    public void CrossEntropy_AllTargetsIgnoredGivesNaNMeanAsPyTorch()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]);
        var target = tensor(new long[] { -100, -100, -100 });
        // PyTorch divides a zero sum by a zero total weight: 0/0 = NaN for mean, 0 for sum, zeros for none.
        Assert.True(float.IsNaN(F.cross_entropy(logits, target).item<float>()));
        Assert.True(float.IsNaN(F.cross_entropy(logits, target, label_smoothing: 0.1).item<float>()));
        Assert.True(float.IsNaN(F.nll_loss(logits, target).item<float>()));
        Assert.Equal(0f, F.cross_entropy(logits, target, reduction: Reduction.Sum).item<float>());
        TensorAssert.Values([0, 0, 0], F.cross_entropy(logits, target, reduction: Reduction.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KlDiv_MatchesPyTorch(bool logTarget)
    {
        using var scope = NewDisposeScope();
        var target = logTarget ? reference["kl.logtarget"] : reference["kl.target"];
        foreach (var (name, reduction) in s_reductions.Append(("batchmean", Reduction.BatchMean)))
        {
            TensorAssert.Close(reference[$"kl.{name}.{logTarget}"], F.kl_div(reference["kl.input"], target, reduction, log_target: logTarget));
        }
    }

    [Fact]
    public void KlDiv_HandComputed()
    {
        using var scope = NewDisposeScope();
        // q = [1/2, 1/2], p = [1/4, 3/4]: KL(p‖q) = 1/4·ln(1/2) + 3/4·ln(3/2).
        var logQ = tensor(new double[] { Math.Log(0.5), Math.Log(0.5) }, [1, 2]);
        var p = tensor(new double[] { 0.25, 0.75 }, [1, 2]);
        var logP = tensor(new double[] { Math.Log(0.25), Math.Log(0.75) }, [1, 2]);
        double[] pointwise = [0.25 * Math.Log(0.5), 0.75 * Math.Log(1.5)];
        var kl = pointwise.Sum();
        foreach (var (target, logTarget) in new[] { (p, false), (logP, true) })
        {
            TensorAssert.Values(pointwise, F.kl_div(logQ, target, Reduction.None, logTarget), 1e-12);
            TensorAssert.Values([kl], F.kl_div(logQ, target, Reduction.Sum, logTarget).reshape(1), 1e-12);
            TensorAssert.Values([kl / 2], F.kl_div(logQ, target, Reduction.Mean, logTarget).reshape(1), 1e-12);
            TensorAssert.Values([kl], F.kl_div(logQ, target, Reduction.BatchMean, logTarget).reshape(1), 1e-12);
        }
        // Reading probabilities as log-probabilities gives a different (wrong) value: the flag matters.
        Assert.NotEqual(kl, F.kl_div(logQ, p, Reduction.Sum, log_target: true).item<double>(), 6);
    }

    [Fact]
    public void MseLoss_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        foreach (var (name, reduction) in s_reductions)
        {
            TensorAssert.Close(reference[$"mse.{name}"], F.mse_loss(reference["mse.a"], reference["mse.b"], reduction));
        }
        TensorAssert.Values([2.5], F.mse_loss(tensor(new double[] { 1, 2 }), tensor(new double[] { 0, 4 })).reshape(1));
    }

    [Fact]
    public void Losses_ThrowForBadTargetsAndReductions()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(3, 4);
        var e = Assert.Throws<TorchException>(() => F.cross_entropy(logits, tensor(new long[] { 0, 7, 1 })));
        Assert.Contains("Target 7 is out of bounds", e.Message);
        e = Assert.Throws<TorchException>(() => F.nll_loss(logits, tensor(new long[] { 0, 1 })));
        Assert.Contains("Expected input batch_size (3) to match target batch_size (2)", e.Message);
        var a = Assert.Throws<ArgumentException>(() => F.mse_loss(logits, logits, Reduction.BatchMean));
        Assert.Equal("reduction", a.ParamName);
        Assert.Contains("kl_div", a.Message);
    }
}
