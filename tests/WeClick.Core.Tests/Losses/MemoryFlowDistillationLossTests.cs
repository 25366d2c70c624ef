using WeClick.Losses;

namespace WeClick.Core.Tests.Losses;

/// <summary>
/// L_MFD (Eq. 3): by hand with zero flow, the sign of W_f, alignment by an integer shift, against an independent PyTorch
/// twin (Reference/losses.py, bilinear by explicit gathers), finite differences, and DetachNeighbour.
/// </summary>
public sealed class MemoryFlowDistillationLossTests
{
    /// <summary>[1, 2, 2, 2] with the same two logits (a, b) at every pixel.</summary>
    private static Tensor Constant(double a, double b) =>
        tensor(new float[] { (float)a, (float)a, (float)a, (float)a, (float)b, (float)b, (float)b, (float)b }, [1, 2, 2, 2]);

    [Theory]
    [InlineData(ConsistencyWeight.Decreasing, false, -0.5)]
    [InlineData(ConsistencyWeight.Literal, false, 0.5)]
    [InlineData(ConsistencyWeight.Decreasing, true, -1.0)]
    [InlineData(ConsistencyWeight.Literal, true, 1.0)]
    public void Forward_ZeroFlowMatchesHand(ConsistencyWeight sign, bool perPixel, double exponent)
    {
        using var scope = NewDisposeScope();
        // ŷS_k = (1/2, 1/2), ŷS_f = (3/4, 1/4), ŷT_k = (1/4, 3/4): |ŷS_{f→k} − ŷT_k| = (1/2, 1/2), Σ_c = 1;
        // Σ_c (ŷS_k − ŷS_f)² = 2 · (1/4)² = 1/8; W = e^{∓1/2} per element or e^{∓1} per pixel.
        var loss = new MemoryFlowDistillationLoss(new MemoryFlowDistillationSettings(sign, perPixel))
            .Forward(Constant(0, 0), Constant(Math.Log(3), 0), zeros(1, 2, 2, 2), Constant(0, Math.Log(3)));
        Assert.Equal(0.125 * Math.Exp(exponent), loss.item<float>(), 6);
    }

    [Fact]
    public void Forward_IdenticalPredictionsGiveZeroInBothSigns()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var s = randn(1, 3, 4, 5);
        var t = randn(1, 3, 4, 5);
        foreach (var sign in new[] { ConsistencyWeight.Decreasing, ConsistencyWeight.Literal })
        {
            var loss = new MemoryFlowDistillationLoss(new MemoryFlowDistillationSettings(sign)).Forward(s, s, zeros(1, 2, 4, 5), t);
            Assert.Equal(0f, loss.item<float>());
        }
        // Different predictions: the literal weights are ≥ 1 and the decreasing ones ≤ 1, so literal > decreasing.
        var n = randn(1, 3, 4, 5);
        var dec = new MemoryFlowDistillationLoss().Forward(s, n, zeros(1, 2, 4, 5), t).item<float>();
        var lit = new MemoryFlowDistillationLoss(new MemoryFlowDistillationSettings(ConsistencyWeight.Literal)).Forward(s, n, zeros(1, 2, 4, 5), t).item<float>();
        Assert.True(lit > dec && dec > 0, $"literal {lit}, decreasing {dec}");
    }

    [Fact]
    public void Forward_IntegerShiftFlowAlignsAShiftedPrediction()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var target = randn(1, 3, 4, 5);
        // The neighbour sees the scene one pixel to the right: neighbour(x) = target(x − 1), so target(p) = neighbour(p + 1).
        var neighbour = cat([randn(1, 3, 4, 1), target.narrow(3, 0, 4)], 3);
        var flow = zeros(1, 2, 4, 5);
        flow[0][0].fill_(1.0);
        var loss = new MemoryFlowDistillationLoss().Forward(target, neighbour, flow, randn(1, 3, 4, 5));
        Assert.True(Math.Abs(loss.item<float>()) < 1e-7, $"loss {loss.item<float>()}");
        // Without the flow the same pair is misaligned.
        var unaligned = new MemoryFlowDistillationLoss().Forward(target, neighbour, zeros(1, 2, 4, 5), randn(1, 3, 4, 5));
        Assert.True(unaligned.item<float>() > 1e-3);
    }

    [Fact]
    public void Forward_MatchesPyTorchTwin()
    {
        var r = PyTorchReference.Generate("losses.py");
        using var scope = NewDisposeScope();
        foreach (var (sign, sname) in new[] { (ConsistencyWeight.Decreasing, "decreasing"), (ConsistencyWeight.Literal, "literal") })
        {
            foreach (var (perPixel, pname) in new[] { (false, "element"), (true, "pixel") })
            {
                var loss = new MemoryFlowDistillationLoss(new MemoryFlowDistillationSettings(sign, perPixel))
                    .Forward(r["mfd.sk"], r["mfd.sf"], r["mfd.flow"], r["mfd.tk"], r["mfd.flow_valid"]);
                TensorAssert.Close(r[$"mfd.{sname}.{pname}"], loss, rtol: 1e-5, atol: 0);
            }
        }
        foreach (var (detach, dname) in new[] { (false, "attached"), (true, "detached") })
        {
            var sk = r["mfd.sk"].clone().requires_grad_();
            var sf = r["mfd.sf"].clone().requires_grad_();
            var loss = new MemoryFlowDistillationLoss(new MemoryFlowDistillationSettings(DetachNeighbour: detach))
                .Forward(sk, sf, r["mfd.flow"], r["mfd.tk"], r["mfd.flow_valid"]);
            TensorAssert.Close(r[$"mfd.{dname}.loss"], loss, rtol: 1e-5, atol: 0);
            loss.backward();
            TensorAssert.Close(r[$"mfd.{dname}.grad_sk"], sk.grad!, rtol: 1e-5, atol: 1e-8);
            if (detach)
            {
                Assert.Null(sf.grad);
            }
            else
            {
                TensorAssert.Close(r[$"mfd.{dname}.grad_sf"], sf.grad!, rtol: 1e-5, atol: 1e-8);
            }
        }
    }

    [Fact]
    public void Gradcheck_BothStudentInputs()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var sk = randn([1, 3, 3, 4], ScalarType.Float64).requires_grad_();
        var sf = randn([1, 3, 3, 4], ScalarType.Float64).requires_grad_();
        var tk = randn([1, 3, 3, 4], ScalarType.Float64);
        // Sub-pixel flows away from integer positions (bilinear is smooth there); some samples leave the frame.
        var flow = rand([1, 2, 3, 4], ScalarType.Float64).mul(1.6).sub(0.8).add(0.1);
        var valid = tensor(new double[] { 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1 }, [1, 3, 4]);
        var mfd = new MemoryFlowDistillationLoss();
        // W_f is stop-gradient, so Forward's gradient is the derivative with W held at its value: check WithWeight
        // (W fixed) for both inputs, and Forward itself for the target input (W does not depend on it).
        Tensor weight;
        using (no_grad())
        {
            var (warped, _) = WeClick.Flow.Warp.Backward(sf.softmax(1), flow);
            weight = warped.sub(tk.softmax(1)).abs().neg().exp();
        }
        Assert.True(Gradcheck.Check(x => mfd.WithWeight(x[0], x[1], flow, weight, valid, null), [sk, sf], eps: 1e-6, atol: 1e-7, rtol: 1e-4));
        Assert.True(Gradcheck.Check(x => mfd.Forward(x[0], sf.detach(), flow, tk, valid), [sk], eps: 1e-6, atol: 1e-7, rtol: 1e-4));
        // And Forward's analytic gradient equals WithWeight's (W detached inside Forward).
        var g1 = autograd.grad([mfd.Forward(sk, sf, flow, tk, valid)], [sk, sf]);
        var g2 = autograd.grad([mfd.WithWeight(sk, sf, flow, weight, valid, null)], [sk, sf]);
        TensorAssert.Close(g2[0]!, g1[0]!, rtol: 1e-12, atol: 1e-15);
        TensorAssert.Close(g2[1]!, g1[1]!, rtol: 1e-12, atol: 1e-15);
    }

    [Fact]
    public void DetachNeighbour_NeighbourGetsNoGradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var sk = randn(1, 3, 3, 4).requires_grad_();
        var sf = randn(1, 3, 3, 4).requires_grad_();
        var loss = new MemoryFlowDistillationLoss(new MemoryFlowDistillationSettings(DetachNeighbour: true))
            .Forward(sk, sf, zeros(1, 2, 3, 4), randn(1, 3, 3, 4));
        loss.backward();
        Assert.Null(sf.grad);
        Assert.True(sk.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void Forward_ThrowsForMismatchedShapes()
    {
        using var scope = NewDisposeScope();
        var mfd = new MemoryFlowDistillationLoss();
        Assert.Throws<ArgumentException>(() => mfd.Forward(zeros(1, 3, 3, 4), zeros(1, 2, 3, 4), zeros(1, 2, 3, 4), zeros(1, 3, 3, 4)));
        Assert.Throws<ArgumentException>(() => mfd.Forward(zeros(1, 3, 3, 4), zeros(1, 3, 3, 4), zeros(1, 2, 3, 4), zeros(1, 3, 3, 4), zeros(1, 2, 2)));
    }
}
