using F = WeClick.Torch.torch.nn.functional;
using Reduction = WeClick.Torch.torch.nn.Reduction;

namespace WeClick.Torch.Tests;

/// <summary>torch.autograd.gradcheck itself, and the gradients of the functional ops checked with it (float64).</summary>
public class GradcheckTests
{
    private static Tensor Random(params long[] shape) => zeros(shape, float64).normal_().requires_grad_();

    private static Tensor Uniform(double from, double to, params long[] shape) => zeros(shape, float64).uniform_(from, to).requires_grad_();

    [Fact]
    public void Gradcheck_PassesForACorrectGradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var x = Random(2, 3);
        var y = Random(2, 3);
        var before = x.ToArray<double>();
        Assert.True(autograd.gradcheck(t => t[0] * t[0] * t[1] + t[1] / 3.0, [x, y]));
        // The inputs are perturbed in place and restored exactly.
        Assert.Equal(before, x.ToArray<double>());
        Assert.Null(x.grad);
    }

    [Fact]
    public void Gradcheck_ThrowsForAGradientCutByDetach()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var x = Random(2, 3);
        // d(x·x)/dx = 2x, but detach() hides one factor from autograd, which then reports x.
        var e = Assert.Throws<autograd.GradcheckError>(() => autograd.gradcheck(t => t[0] * t[0].detach(), [x]));
        Assert.Contains("input 0", e.Message);
        Assert.Contains("6 of 36 entries differ", e.Message);
        Assert.Contains("numerical", e.Message);
        Assert.Contains("analytical", e.Message);
        Assert.False(autograd.gradcheck(t => t[0] * t[0].detach(), [x], raise_exception: false));
    }

    [Fact]
    public void Gradcheck_ThrowsWhenOnlyOneOfTwoInputsIsCut()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = Random(3);
        var y = Random(3);
        // x's gradient is right; y's path is detached entirely (analytic 0, numerical x).
        var e = Assert.Throws<autograd.GradcheckError>(() => autograd.gradcheck(t => t[0] * t[1].detach(), [x, y]));
        Assert.Contains("input 1", e.Message);
        Assert.Contains("analytical 0", e.Message);
    }

    [Fact]
    public void Gradcheck_ThrowsForFloat32OrNoDifferentiableInput()
    {
        using var scope = NewDisposeScope();
        var single = zeros(2).requires_grad_();
        Assert.Contains("float32", Assert.Throws<ArgumentException>(() => autograd.gradcheck(t => t[0] * 2, [single])).Message);
        Assert.Contains("no input requires grad", Assert.Throws<ArgumentException>(() => autograd.gradcheck(t => t[0] * 2, [zeros([2], float64)])).Message);
    }

    [Fact]
    public void Conv2d_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var x = Random(1, 2, 5, 4);
        var w = Random(4, 1, 3, 2);
        var b = Random(4);
        Assert.True(autograd.gradcheck(t => F.conv2d(t[0], t[1], t[2], stride: (2, 1), padding: (1, 1), dilation: (2, 1), groups: 2), [x, w, b]));
    }

    [Fact]
    public void BatchNorm_TrainingGradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = Random(3, 2, 2, 2);
        var weight = Random(2);
        var bias = Random(2);
        Assert.True(autograd.gradcheck(t => F.batch_norm(t[0], null, null, t[1], t[2], training: true), [x, weight, bias]));
    }

    [Theory]
    [InlineData("bilinear", "zeros", false)]
    [InlineData("bilinear", "border", true)]
    [InlineData("bilinear", "reflection", false)]
    [InlineData("bicubic", "zeros", true)]
    public void GridSample_GradientsAreCorrect(string mode, string paddingMode, bool alignCorners)
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var x = Random(1, 2, 3, 4);
        var grid = Uniform(-1.2, 1.2, 1, 2, 3, 2);
        Assert.True(autograd.gradcheck(t => F.grid_sample(t[0], t[1], mode, paddingMode, alignCorners), [x, grid]));
    }

    [Fact]
    public void InterpolateBilinear_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var x = Random(1, 2, 3, 3);
        Assert.True(autograd.gradcheck(t => F.interpolate(t[0], size: [5, 4], mode: "bilinear", align_corners: false), [x]));
        Assert.True(autograd.gradcheck(t => F.interpolate(t[0], scale_factor: [1.7], mode: "bilinear", align_corners: true), [x]));
    }

    [Fact]
    public void Softmax_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var x = Random(3, 4);
        Assert.True(autograd.gradcheck(t => F.softmax(t[0], 1), [x]));
        Assert.True(autograd.gradcheck(t => F.log_softmax(t[0], 0), [x]));
    }

    [Fact]
    public void CrossEntropyWithIgnoreIndex_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        var logits = Random(5, 4);
        var target = tensor(new long[] { 0, 3, 3, 1, 2 });
        var weight = tensor(new double[] { 0.5, 1, 2, 1.5 });
        // Rows 1 and 2 are ignored: their logits get zero gradient, which gradcheck verifies numerically too.
        Assert.True(autograd.gradcheck(t => F.cross_entropy(t[0], t[1], t[2], ignore_index: 3, label_smoothing: 0.1), [logits, target, weight]));
        Assert.True(autograd.gradcheck(t => F.nll_loss(t[0].log_softmax(1), t[1], ignore_index: 3, reduction: Reduction.Sum), [logits, target]));
    }

    [Fact]
    public void KlDivAndMse_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(10);
        var input = Random(2, 3);
        var target = Random(2, 3);
        Assert.True(autograd.gradcheck(t => F.kl_div(t[0].log_softmax(1), t[1].log_softmax(1), Reduction.BatchMean, log_target: true), [input, target]));
        Assert.True(autograd.gradcheck(t => F.kl_div(t[0].log_softmax(1), t[1].softmax(1), Reduction.Sum, log_target: false), [input, target]));
        Assert.True(autograd.gradcheck(t => F.mse_loss(t[0], t[1]), [input, target]));
    }

    [Fact]
    public void UnfoldAndFold_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var x = Random(1, 2, 4, 4);
        Assert.True(autograd.gradcheck(t => F.unfold(t[0], (2, 3), dilation: (1, 1), padding: (1, 0), stride: (2, 1)), [x]));
        var columns = Random(1, 2 * 2 * 2, 9);
        Assert.True(autograd.gradcheck(t => F.fold(t[0], (4, 4), (2, 2)), [columns]));
    }

    [Fact]
    public void PoolsAndPad_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var x = Random(1, 2, 4, 5);
        Assert.True(autograd.gradcheck(t => F.max_pool2d(t[0], 2, 1, 1), [x]));
        Assert.True(autograd.gradcheck(t => F.avg_pool2d(t[0], 3, 2, 1, ceil_mode: true, count_include_pad: false), [x]));
        Assert.True(autograd.gradcheck(t => F.adaptive_avg_pool2d(t[0], (3, 2)), [x]));
        Assert.True(autograd.gradcheck(t => F.pad(t[0], [1, 2, 2, 1], "reflect"), [x]));
    }
}
