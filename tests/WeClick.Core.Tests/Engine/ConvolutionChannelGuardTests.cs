using WeClick.Engine;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Core.Tests.Engine;

/// <summary>
/// The convolution channel guard (environment.md, "AMD CPUs"; this assembly opts in, see ConvolutionGuardOptIn): on the AMD CPUs where oneDNN's AVX-512 kernels get some
/// channel counts wrong it pads them to a multiple of 16, and oneDNN runs at full speed; elsewhere it stays out of the
/// way. The value tests run everywhere: each shape here was wrong at oneDNN's default kernels without the guard on the
/// development machine (AMD EPYC; measured 11–67 % off, or NaN), and they compare outputs and all three gradients with
/// the same convolution in float64 (which oneDNN does not run). The strided 1×1 cases crashed the process (SIGFPE in
/// oneDNN) without the guard.
/// </summary>
public sealed class ConvolutionChannelGuardTests
{
    private static bool IsAmd() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").Any(l => l.StartsWith("vendor_id", StringComparison.Ordinal) && l.Contains("AuthenticAMD", StringComparison.Ordinal));

    [Fact]
    public void OnAmdWithTheOptIn_TheGuardIsOn_AndOneDnnRunsItsDefaultKernels()
    {
        using var warm = ones(2).add(1.0); // binds the imports, which installs the guard
        if (!IsAmd() || Environment.GetEnvironmentVariable(ConvolutionChannelGuard.EnableVariable) != "1"
            || TorchEngine.OneDnnLimitSetByWorkbench is false && !TorchEngine.OneDnnLimitLifted)
        {
            // Not an AMD CPU, no opt-in, or the instruction set was chosen outside the workbench: nothing to guard.
            Assert.False(ConvolutionChannelGuard.IsEnabled, ConvolutionChannelGuard.Status);
            Assert.StartsWith("off: ", ConvolutionChannelGuard.Status);
            return;
        }
        Assert.True(ConvolutionChannelGuard.IsEnabled, ConvolutionChannelGuard.Status);
        Assert.True(TorchEngine.OneDnnLimitLifted);
        Assert.Null(Environment.GetEnvironmentVariable(TorchEngine.OneDnnIsaVariable));
        Assert.Null(TorchEngine.ApplyOneDnnWorkaround()); // lifted stays lifted
        Assert.StartsWith("on: ", TorchEngine.Describe().ConvolutionGuard);
    }

    [Fact]
    public void OnlyTheFaultyShapesArePadded()
    {
        using var scope = NewDisposeScope();
        var before = ConvolutionChannelGuard.ReadCounters();
        var grad = randn(2, 24, 12, 12).requires_grad_();
        var noGrad = randn(2, 24, 12, 12);
        F.conv2d(randn(2, 64, 12, 12), randn(64, 64, 3, 3), padding: [1, 1]);  // multiples of 16
        F.conv2d(noGrad, randn(32, 24, 1, 1));                                  // 1×1
        F.conv2d(noGrad, randn(24, 1, 3, 3), padding: [1, 1], groups: 24);     // depthwise
        F.conv2d(randn(2, 3, 24, 24), randn(16, 3, 3, 3), padding: [1, 1]);     // a 3-channel stem
        var afterSafe = ConvolutionChannelGuard.ReadCounters();
        F.conv2d(noGrad, randn(32, 24, 3, 3), padding: [1, 1]);                // 24 input channels
        F.conv2d(randn(2, 32, 12, 12).requires_grad_(), randn(11, 32, 3, 3), padding: [1, 1]); // 11 outputs, backward to come
        F.conv2d(randn(2, 32, 12, 12), randn(11, 32, 3, 3), padding: [1, 1]);  // 11 outputs, no input gradient: right as it is
        F.conv2d(grad, randn(24, 24, 3, 3), padding: [1, 1]);                   // both
        var afterFaulty = ConvolutionChannelGuard.ReadCounters();
        if (!ConvolutionChannelGuard.IsEnabled)
        {
            Assert.Equal((0UL, 0UL), afterFaulty);
            return;
        }
        Assert.Equal(before.Padded, afterSafe.Padded);
        Assert.Equal(4UL, afterSafe.Calls - before.Calls);
        Assert.Equal(3UL, afterFaulty.Padded - afterSafe.Padded);
        Assert.Equal(4UL, afterFaulty.Calls - afterSafe.Calls);
    }

    public static TheoryData<int, int, int, int, int, int, bool, string> FaultyShapes => new()
    {
        // batch, in, out, size, kernel, dilation, bias, padding mode ("" = explicit)
        { 2, 24, 24, 40, 3, 1, false, "" },   // forward 21–26 % off, input gradient NaN
        { 1, 24, 24, 33, 3, 1, true, "" },
        { 2, 256, 11, 20, 3, 1, true, "" },   // a 3×3 classifier over CamVid's 11 classes: input gradient 33 % off
        { 2, 17, 64, 20, 3, 1, false, "" },   // forward 18 % off
        { 2, 256, 3, 20, 3, 1, false, "" },   // input gradient 67 % off
        { 2, 11, 11, 40, 5, 1, false, "" },
        { 2, 24, 24, 40, 7, 1, true, "" },
        { 2, 24, 24, 40, 3, 4, false, "" },   // dilated, as ASPP's branches
        { 4, 11, 11, 8, 3, 1, false, "" },
        { 2, 40, 72, 20, 3, 1, true, "same" }, // conv2d with padding "same" (its own native entry point)
        { 2, 88, 120, 16, 3, 1, false, "valid" },
    };

    [Theory]
    [MemberData(nameof(FaultyShapes))]
    public void Float32OutputAndGradients_MatchFloat64(int batch, int inChannels, int outChannels, int size, int kernel, int dilation, bool withBias, string paddingMode)
    {
        for (var seed = 0; seed < 3; seed++)
        {
            using var scope = NewDisposeScope();
            manual_seed(seed);
            var x = randn(batch, inChannels, size, size).requires_grad_();
            var w = (randn(outChannels, inChannels, kernel, kernel) / Math.Sqrt(inChannels * kernel * kernel)).requires_grad_();
            var b = withBias ? randn(outChannels).requires_grad_() : null;
            var y = Convolve(x, w, b, kernel, dilation, paddingMode);
            var g = randn_like(y);
            y.backward([g]);
            var x64 = x.detach().to(float64).requires_grad_();
            var w64 = w.detach().to(float64).requires_grad_();
            var b64 = b?.detach().to(float64).requires_grad_();
            var y64 = Convolve(x64, w64, b64, kernel, dilation, paddingMode);
            y64.backward([g.to(float64)]);

            Assert.Equal(y64.shape, y.shape);
            Assert.True(y.is_contiguous());
            // float32 accumulation over up to 256·9 terms: 1e-5 of the largest value is ample (the fault is 10–70 %).
            TensorAssert.Close(y64.detach(), y.detach().to(float64), rtol: 0, atol: 1e-5 * y64.abs().max().item<double>());
            TensorAssert.Close(x64.grad!, x.grad!.to(float64), rtol: 0, atol: 1e-5 * x64.grad!.abs().max().item<double>());
            TensorAssert.Close(w64.grad!, w.grad!.to(float64), rtol: 0, atol: 1e-5 * w64.grad!.abs().max().item<double>());
            if (b is not null)
            {
                TensorAssert.Close(b64!.grad!, b.grad!.to(float64), rtol: 0, atol: 1e-5 * b64.grad!.abs().max().item<double>());
            }
        }
    }

    private static Tensor Convolve(Tensor x, Tensor w, Tensor? b, int kernel, int dilation, string paddingMode)
    {
        var pad = dilation * (kernel / 2);
        return paddingMode switch
        {
            "same" => F.conv2d_padding(x, w, b, padding: TorchSharp.Padding.Same, dilation: [dilation, dilation]),
            "valid" => F.conv2d_padding(x, w, b, padding: TorchSharp.Padding.Valid, dilation: [dilation, dilation]),
            _ => F.conv2d(x, w, b, padding: [pad, pad], dilation: [dilation, dilation]),
        };
    }

    [Theory]
    [InlineData(512, 1024, 2, 2, 4, false)]   // SIGFPE in oneDNN without the guard (ResNet-50/101's layer3 shortcut)
    [InlineData(1024, 512, 2, 2, 16, true)]
    [InlineData(1024, 2048, 2, 2, 4, false)]
    [InlineData(64, 128, 2, 2, 9, false)]     // ResNet-18's shortcut: sliced too, and odd sizes keep the ceiling
    [InlineData(32, 48, 2, 1, 7, true)]       // stride in one direction only
    public void StridedOneByOne_WithAnInputGradient_RunsAndMatchesFloat64(int inChannels, int outChannels, int strideH, int strideW, int size, bool withBias)
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        var before = ConvolutionChannelGuard.ReadCounters();
        var x = randn(2, inChannels, size, 2 * size).requires_grad_();
        var w = (randn(outChannels, inChannels, 1, 1) / Math.Sqrt(inChannels)).requires_grad_();
        var b = withBias ? randn(outChannels).requires_grad_() : null;
        long[] stride = [strideH, strideW];
        var y = F.conv2d(x, w, b, strides: stride);
        var g = randn_like(y);
        y.backward([g]);
        if (ConvolutionChannelGuard.IsEnabled)
        {
            Assert.Equal(1UL, ConvolutionChannelGuard.ReadCounters().Padded - before.Padded);
        }
        var x64 = x.detach().to(float64).requires_grad_();
        var w64 = w.detach().to(float64).requires_grad_();
        var b64 = b?.detach().to(float64).requires_grad_();
        var y64 = F.conv2d(x64, w64, b64, strides: stride);
        y64.backward([g.to(float64)]);
        Assert.Equal(y64.shape, y.shape);
        TensorAssert.Close(y64.detach(), y.detach().to(float64), rtol: 0, atol: 1e-5 * y64.abs().max().item<double>());
        TensorAssert.Close(x64.grad!, x.grad!.to(float64), rtol: 0, atol: 1e-5 * x64.grad!.abs().max().item<double>());
        TensorAssert.Close(w64.grad!, w.grad!.to(float64), rtol: 0, atol: 1e-5 * w64.grad!.abs().max().item<double>());
        if (b is not null)
        {
            TensorAssert.Close(b64!.grad!, b.grad!.to(float64), rtol: 0, atol: 1e-5 * b64.grad!.abs().max().item<double>());
        }
    }

    [Fact]
    public void AnUnbatchedInput_IsPaddedOnItsChannelDimension()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = randn(24, 20, 20).requires_grad_();
        var w = randn(11, 24, 3, 3).requires_grad_();
        var y = F.conv2d(x, w, padding: [1, 1]);
        Assert.Equal(new long[] { 11, 20, 20 }, y.shape);
        var reference = F.conv2d(x.detach().to(float64).unsqueeze(0), w.detach().to(float64), padding: [1, 1]).squeeze(0);
        TensorAssert.Close(reference, y.detach().to(float64), rtol: 0, atol: 1e-5 * reference.abs().max().item<double>());
    }

    [Fact]
    public void ABadConvolution_StillFailsWithLibtorchsMessage()
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 24, 10, 10).requires_grad_();
        var w = randn(11, 25, 3, 3); // 25 input channels for a 24-channel input
        var e = Assert.ThrowsAny<Exception>(() => F.conv2d(x, w, padding: [1, 1]));
        Assert.Contains("channels", e.Message);
    }
}
