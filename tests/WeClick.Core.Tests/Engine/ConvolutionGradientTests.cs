using F = TorchSharp.torch.nn.functional;

namespace WeClick.Core.Tests.Engine;

/// <summary>
/// float32 convolution outputs and gradients against float64, for the shapes where libtorch 2.10's oneDNN direct kernels
/// go wrong on AMD CPUs (a channel count not a multiple of 16; <see cref="WeClick.Engine.ConvolutionChannelGuard"/>, or
/// where it is off, <see cref="WeClick.Engine.TorchEngine.ApplyOneDnnWorkaround"/>'s SSE4.1 limit). These fail with
/// neither on the development machine (AMD EPYC): 256→11 gradients every call, 6→6 with NaNs, 22→22 and 24→24 outputs
/// off by a quarter. ConvolutionChannelGuardTests has more shapes.
/// </summary>
public class ConvolutionGradientTests
{
    [Theory]
    [InlineData(2, 256, 11, 16, 3)] // a 3×3 classifier over CamVid's 11 classes
    [InlineData(2, 48, 12, 16, 3)]
    [InlineData(2, 6, 6, 3, 3)]     // Engine/TestNets' Block
    [InlineData(8, 6, 6, 3, 3)]
    [InlineData(2, 4, 6, 8, 3)]
    [InlineData(2, 256, 11, 16, 1)]
    [InlineData(4, 64, 64, 16, 3)]
    [InlineData(2, 22, 22, 40, 3)]  // forward wrong at AVX-512 and AVX
    [InlineData(2, 24, 24, 40, 3)]  // forward wrong at AVX-512
    [InlineData(1, 24, 24, 40, 3)]
    public void Conv2dFloat32OutputsAndGradients_MatchFloat64(int batch, int inChannels, int outChannels, int size, int kernel)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            using var scope = NewDisposeScope();
            manual_seed(seed);
            var x = randn(batch, inChannels, size, size).requires_grad_();
            var w = randn(outChannels, inChannels, kernel, kernel).requires_grad_();
            var padding = new long[] { kernel / 2, kernel / 2 };
            var y = F.conv2d(x, w, padding: padding);
            var g = randn_like(y);
            y.backward([g]);
            var x64 = x.detach().to(float64).requires_grad_();
            var w64 = w.detach().to(float64).requires_grad_();
            var y64 = F.conv2d(x64, w64, padding: padding);
            y64.backward([g.to(float64)]);
            TensorAssert.Close(y64.detach(), y.detach().to(float64), rtol: 0, atol: 1e-5 * y64.abs().max().item<double>());
            // float32 accumulation over up to 256·9 terms of size ~1: relative 1e-5 of the largest gradient is ample.
            TensorAssert.Close(x64.grad!, x.grad!.to(float64), rtol: 0, atol: 1e-5 * x64.grad!.abs().max().item<double>());
            TensorAssert.Close(w64.grad!, w.grad!.to(float64), rtol: 0, atol: 1e-5 * w64.grad!.abs().max().item<double>());
        }
    }
}
