using WeClick.Losses;

namespace WeClick.Core.Tests.Losses;

/// <summary>
/// <see cref="GatedCrfLoss"/> (offset loop) against Reference/gated_crf.py (a transcription of the GCRF reference that
/// materialises the unfolded neighbourhoods with F.unfold): loss and d loss / d ŷ on random inputs, radius 1, 2, 3, 5,
/// one and two kernels, rgb-only, padded validity masks not aligned to the stride, h ≠ w, downscale 1, 2 and 4.
/// </summary>
public sealed class GatedCrfReferenceTests
{
    private static GatedCrfSettings Settings(string name) => name switch
    {
        "r1_k1" => new() { Radius = 1, Downscale = 2, Kernels = [new(1.0, 6.0, 0.5)] },
        "r2_k2" => new() { Radius = 2, Downscale = 4, Kernels = [new(0.9, 6.0, 0.1), new(0.1, 6.0, null)] },
        "r3_rgb" => new() { Radius = 3, Downscale = 1, Kernels = [new(2.0, null, 0.3)] },
        "r5_default" => new() { Radius = 5, Downscale = 4 },
        _ => throw new ArgumentException($"unknown case '{name}'", nameof(name)),
    };

    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("gated_crf.py"));

    [Theory]
    [InlineData("r1_k1")]
    [InlineData("r2_k2")]
    [InlineData("r3_rgb")]
    [InlineData("r5_default")]
    public void Float64_MatchesReference(string name) => Check(name, ScalarType.Float64, "64", lossRtol: 1e-12, gradRtol: 1e-10, gradAtol: 1e-14);

    [Theory]
    [InlineData("r1_k1")]
    [InlineData("r2_k2")]
    [InlineData("r3_rgb")]
    [InlineData("r5_default")]
    public void Float32_MatchesReference(string name) => Check(name, ScalarType.Float32, "32", lossRtol: 1e-5, gradRtol: 1e-4, gradAtol: 1e-6);

    private static void Check(string name, ScalarType dtype, string bits, double lossRtol, double gradRtol, double gradAtol)
    {
        var reference = s_reference.Value;
        using var scope = NewDisposeScope();
        var prob = reference[$"{name}.prob"].to(dtype).requires_grad_();
        var image = reference[$"{name}.image"].to(dtype);
        var valid = reference.TryGetValue($"{name}.valid", out var v) ? v.to(dtype) : null; // absent = all ones (null)
        var loss = GatedCrfLoss.Compute(prob, image, valid, Settings(name));
        Assert.Equal(dtype, loss.dtype);
        TensorAssert.Close(reference[$"{name}.loss{bits}"], loss, rtol: lossRtol, atol: 0);
        loss.backward();
        using var grad = prob.grad;
        Assert.NotNull(grad);
        TensorAssert.Close(reference[$"{name}.grad{bits}"], grad, rtol: gradRtol, atol: gradAtol);
    }
}
