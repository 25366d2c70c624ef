using F = TorchSharp.torch.nn.functional;

namespace WeClick.Core.Tests.Engine;

/// <summary>
/// The tests' <see cref="Gradcheck"/> itself, and, checked with it in float64, the gradients of the functional ops the
/// losses and flow warping rely on (TorchSharp's argument mapping onto libtorch 2.10).
/// </summary>
public class GradcheckTests
{
    private static Tensor Random(params long[] shape) => zeros(shape, float64).normal_().requires_grad_();

    private static Tensor Uniform(double from, double to, params long[] shape) => zeros(shape, float64).uniform_(from, to).requires_grad_();

    [Fact]
    public void Check_PassesForACorrectGradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var x = Random(2, 3);
        var y = Random(2, 3);
        var before = TensorAssert.Doubles(x);
        Assert.True(Gradcheck.Check(t => t[0] * t[0] * t[1] + t[1] / 3.0, [x, y]));
        // The inputs are perturbed in place and restored exactly.
        Assert.Equal(before, TensorAssert.Doubles(x));
        Assert.Null(x.grad);
    }

    [Fact]
    public void Check_ThrowsForAGradientCutByDetach()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var x = Random(2, 3);
        // d(x·x)/dx = 2x, but detach() hides one factor from autograd, which then reports x.
        var e = Assert.Throws<GradcheckException>(() => Gradcheck.Check(t => t[0] * t[0].detach(), [x]));
        Assert.Contains("input 0", e.Message);
        Assert.Contains("6 of 36 entries differ", e.Message);
        Assert.Contains("numerical", e.Message);
        Assert.Contains("analytical", e.Message);
        Assert.False(Gradcheck.Check(t => t[0] * t[0].detach(), [x], raiseException: false));
    }

    [Fact]
    public void Check_ThrowsWhenOnlyOneOfTwoInputsIsCut()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = Random(3);
        var y = Random(3);
        // x's gradient is right; y's path is detached entirely (analytic 0, numerical x).
        var e = Assert.Throws<GradcheckException>(() => Gradcheck.Check(t => t[0] * t[1].detach(), [x, y]));
        Assert.Contains("input 1", e.Message);
        Assert.Contains("analytical 0", e.Message);
    }

    [Fact]
    public void Check_ThrowsForFloat32OrNoDifferentiableInput()
    {
        using var scope = NewDisposeScope();
        var single = zeros(2).requires_grad_();
        Assert.Contains("float32", Assert.Throws<ArgumentException>(() => Gradcheck.Check(t => t[0] * 2, [single])).Message);
        Assert.Contains("no input requires grad", Assert.Throws<ArgumentException>(() => Gradcheck.Check(t => t[0] * 2, [zeros([2], float64)])).Message);
    }

    [Fact]
    public void Conv2d_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var x = Random(1, 2, 5, 4);
        var w = Random(4, 1, 3, 2);
        var b = Random(4);
        Assert.True(Gradcheck.Check(t => F.conv2d(t[0], t[1], t[2], strides: [2, 1], padding: [1, 1], dilation: [2, 1], groups: 2), [x, w, b]));
    }

    [Fact]
    public void BatchNorm_TrainingGradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = Random(3, 2, 2, 2);
        var weight = Random(2);
        var bias = Random(2);
        Assert.True(Gradcheck.Check(t => F.batch_norm(t[0], null, null, t[1], t[2], training: true), [x, weight, bias]));
    }

    [Theory]
    [InlineData(GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, false)]
    [InlineData(GridSampleMode.Bilinear, GridSamplePaddingMode.Border, true)]
    [InlineData(GridSampleMode.Bilinear, GridSamplePaddingMode.Reflection, false)]
    // The old binding's bicubic case is gone: TorchSharp's GridSampleMode has no Bicubic (its native side does not map it).
    [InlineData(GridSampleMode.Bilinear, GridSamplePaddingMode.Reflection, true)]
    public void GridSample_GradientsAreCorrect(GridSampleMode mode, GridSamplePaddingMode paddingMode, bool alignCorners)
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var x = Random(1, 2, 3, 4);
        var grid = Uniform(-1.2, 1.2, 1, 2, 3, 2);
        Assert.True(Gradcheck.Check(t => F.grid_sample(t[0], t[1], mode, paddingMode, alignCorners), [x, grid]));
    }

    [Fact]
    public void InterpolateBilinear_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var x = Random(1, 2, 3, 3);
        Assert.True(Gradcheck.Check(t => F.interpolate(t[0], size: [5, 4], mode: InterpolationMode.Bilinear, align_corners: false), [x]));
        // libtorch's C++ interpolate wants one scale per spatial dimension (PyTorch broadcasts a single 1.7).
        Assert.True(Gradcheck.Check(t => F.interpolate(t[0], scale_factor: [1.7, 1.7], mode: InterpolationMode.Bilinear, align_corners: true), [x]));
    }

    [Fact]
    public void Softmax_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var x = Random(3, 4);
        Assert.True(Gradcheck.Check(t => F.softmax(t[0], 1), [x]));
        Assert.True(Gradcheck.Check(t => F.log_softmax(t[0], 0), [x]));
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
        Assert.True(Gradcheck.Check(t => F.cross_entropy(t[0], t[1], t[2], ignore_index: 3, reduction: nn.Reduction.Mean, label_smoothing: 0.1), [logits, target, weight]));
        // TorchSharp's nll_loss has no ignore_index; the ignored rows are masked out of a sum instead (the same loss).
        var kept = tensor(new double[] { 1, 0, 0, 1, 1 });
        Assert.True(Gradcheck.Check(t => -(t[0].log_softmax(1).gather(1, t[1].unsqueeze(1)).squeeze(1) * kept).sum(), [logits, target]));
    }

    [Fact]
    public void KlDivAndMse_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(10);
        var input = Random(2, 3);
        var target = Random(2, 3);
        Assert.True(Gradcheck.Check(t => F.kl_div(t[0].log_softmax(1), t[1].log_softmax(1), log_target: true, reduction: nn.Reduction.Mean), [input, target]));
        Assert.True(Gradcheck.Check(t => F.kl_div(t[0].log_softmax(1), t[1].softmax(1), log_target: false, reduction: nn.Reduction.Sum), [input, target]));
        Assert.True(Gradcheck.Check(t => F.mse_loss(t[0], t[1], nn.Reduction.Mean), [input, target]));
    }

    [Fact]
    public void UnfoldAndFold_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var x = Random(1, 2, 4, 4);
        Assert.True(Gradcheck.Check(t => F.unfold(t[0], (2, 3), dilation: (1, 1), padding: (1, 0), stride: (2, 1)), [x]));
        var columns = Random(1, 2 * 2 * 2, 9);
        Assert.True(Gradcheck.Check(t => F.fold(t[0], (4, 4), (2, 2)), [columns]));
    }

    [Fact]
    public void PoolsAndPad_GradientsAreCorrect()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var x = Random(1, 2, 4, 5);
        Assert.True(Gradcheck.Check(t => F.max_pool2d(t[0], [2, 2], [1, 1], [1, 1]), [x]));
        Assert.True(Gradcheck.Check(t => F.avg_pool2d(t[0], [3, 3], [2, 2], [1, 1], ceil_mode: true, count_include_pad: false), [x]));
        Assert.True(Gradcheck.Check(t => F.adaptive_avg_pool2d(t[0], [3, 2]), [x]));
        Assert.True(Gradcheck.Check(t => F.pad(t[0], [1, 2, 2, 1], PaddingModes.Reflect), [x]));
    }
}
