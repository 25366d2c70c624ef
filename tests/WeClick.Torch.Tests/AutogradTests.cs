
namespace WeClick.Torch.Tests;

public class AutogradTests
{
    [Fact]
    public void Backward_OfAScalar_AccumulatesIntoLeafGradients()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        (x * x).sum().backward();
        TensorAssert.Values([2, 4, 6], x.grad!);
        (x * x).sum().backward();
        TensorAssert.Values([4, 8, 12], x.grad!); // accumulates, as PyTorch
        x.grad = null;
        Assert.Null(x.grad);
    }

    [Fact]
    public void Backward_WithAGradient_ComputesTheVectorJacobianProduct()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var y = x * x;                                  // dy/dx = diag(2x)
        y.backward(tensor(new double[] { 1, 10, 100 }));
        TensorAssert.Values([2, 40, 600], x.grad!);
    }

    [Fact]
    public void Backward_OfANonScalarWithoutGradient_Throws()
    {
        using var scope = NewDisposeScope();
        var x = ones([2], requires_grad: true);
        var e = Assert.Throws<TorchException>(() => (x * 2).backward());
        Assert.Contains("scalar outputs", e.Message);
    }

    [Fact]
    public void SecondBackward_NeedsRetainGraph()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 2 }, requires_grad: true);
        var y = (x.exp() * x).sum();
        y.backward(retain_graph: true);
        y.backward();                                   // allowed: the graph was retained
        TensorAssert.Values([2 * (Math.Exp(2) + 2 * Math.Exp(2))], x.grad!, 1e-9);
        var z = (x.exp() * x).sum();
        z.backward();
        var e = Assert.Throws<TorchException>(() => z.backward());
        Assert.Contains("second time", e.Message);
    }

    [Fact]
    public void NoGrad_StopsRecording_AndRestoresTheMode()
    {
        using var scope = NewDisposeScope();
        var x = ones([2], requires_grad: true);
        Assert.True(is_grad_enabled());
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            Assert.False((x * 2).requires_grad);
            using (enable_grad())
            {
                Assert.True((x * 2).requires_grad);
            }
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
        Assert.True((x * 2).requires_grad);
    }

    [Fact]
    public void Detach_CutsTheGraph()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 3 }, requires_grad: true);
        var y = (x * x.detach()).sum();                 // only the first factor carries gradient
        y.backward();
        TensorAssert.Values([3], x.grad!);
        Assert.False(x.detach().requires_grad);
        Assert.True(x.is_leaf);
        Assert.False(y.is_leaf);
        Assert.Equal("SumBackward0", y.grad_fn_name);
        Assert.Equal("", x.grad_fn_name);
    }

    [Fact]
    public void RetainGrad_KeepsTheGradientOfAnIntermediate()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var h = x * 3;
        h.retain_grad();
        (h * h).sum().backward();
        TensorAssert.Values([6, 12], h.grad!);
    }

    [Fact]
    public void AutogradGrad_LeavesDotGradAlone_AndSupportsHigherOrder()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 2 }, requires_grad: true);
        var unused = tensor(new double[] { 5 }, requires_grad: true);
        var y = x.pow(3).sum();
        var first = autograd.grad([y], [x, unused], create_graph: true, allow_unused: true);
        TensorAssert.Values([12], first[0]!);           // 3x² at 2
        Assert.Null(first[1]);
        Assert.Null(x.grad);
        var second = autograd.grad([first[0]!.sum()], [x]);
        TensorAssert.Values([12], second[0]!);          // 6x at 2
    }

    [Fact]
    public void Gradients_OfAComposite_MatchPyTorch()
    {
        var reference = PyTorchReference.Generate("autograd.py");
        using var scope = NewDisposeScope();
        var x = reference["x"].clone().requires_grad_();
        var w = reference["w"].clone().requires_grad_();
        var loss = ((x.matmul(w)).tanh().softmax(1) * reference["t"]).sum() + x.abs().mean();
        loss.backward();
        TensorAssert.Close(reference["loss"], loss);
        TensorAssert.Close(reference["x.grad"], x.grad!);
        TensorAssert.Close(reference["w.grad"], w.grad!);
        foreach (var t in reference.Values)
        {
            t.Dispose();
        }
    }
}
