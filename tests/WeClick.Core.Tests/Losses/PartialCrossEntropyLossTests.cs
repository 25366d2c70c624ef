using WeClick.Losses;

namespace WeClick.Core.Tests.Losses;

/// <summary>L_pCE (Eq. 1): by hand, against F.cross_entropy(ignore_index=255) (Reference/losses.py), and with no click.</summary>
public sealed class PartialCrossEntropyLossTests
{
    [Fact]
    public void Forward_MatchesHandComputedValue()
    {
        using var scope = NewDisposeScope();
        // 1×3×2×2; pixels in order (0,0) (0,1) (1,0) (1,1); (1,0) unclicked with extreme logits that must not count.
        var logits = tensor(new float[]
        {
            0, 2, 100, 0,                  // class 0
            0, 0, -100, (float)Math.Log(3), // class 1
            0, 0, 0, 0,                    // class 2
        }, [1, 3, 2, 2]);
        var clicks = tensor(new long[] { 1, 0, 255, 2 }, [1, 2, 2]);
        // CE: ln 3 (uniform), ln(1 + 2e^−2) (p = e²/(e² + 2)), ln 5 (p = 1/(1 + 3 + 1)); mean over the 3 clicks.
        double expected = (Math.Log(3) + Math.Log(1 + 2 * Math.Exp(-2)) + Math.Log(5)) / 3;
        var loss = new PartialCrossEntropyLoss().Forward(logits, clicks);
        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Forward_MatchesPyTorchCrossEntropyWithIgnoreIndex()
    {
        var r = PyTorchReference.Generate("losses.py");
        using var scope = NewDisposeScope();
        var logits = r["pce.logits"].requires_grad_();
        var loss = new PartialCrossEntropyLoss().Forward(logits, r["pce.clicks"]);
        TensorAssert.Close(r["pce.loss"], loss, rtol: 1e-5, atol: 0);
        loss.backward();
        TensorAssert.Close(r["pce.grad"], logits.grad!, rtol: 1e-5, atol: 1e-8);
        var weighted = new PartialCrossEntropyLoss(r["pce.weights"]).Forward(r["pce.logits"], r["pce.clicks"]);
        TensorAssert.Close(r["pce.weighted"], weighted, rtol: 1e-5, atol: 0);
    }

    [Fact]
    public void Forward_NoClickGivesZeroWithoutNaNAndBackwardWorks()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var logits = randn(2, 4, 3, 3).requires_grad_();
        var clicks = full_like(zeros([2, 3, 3], ScalarType.Int64), 255L);
        var loss = new PartialCrossEntropyLoss().Forward(logits, clicks);
        Assert.Equal(0f, loss.item<float>());
        loss.backward();
        var grad = logits.grad!;
        Assert.False(grad.isnan().any().item<bool>());
        Assert.Equal(0f, grad.abs().sum().item<float>());
    }

    [Fact]
    public void Forward_ThrowsForBadShapesOrDtype()
    {
        using var scope = NewDisposeScope();
        var loss = new PartialCrossEntropyLoss();
        Assert.Throws<ArgumentException>(() => loss.Forward(zeros(1, 3, 2, 2), zeros([1, 2, 3], ScalarType.Int64)));
        Assert.Throws<ArgumentException>(() => loss.Forward(zeros(1, 3, 2, 2), zeros(1, 2, 2)));
        Assert.Throws<ArgumentException>(() => new PartialCrossEntropyLoss(zeros(2, 2)));
    }
}
