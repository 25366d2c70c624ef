using WeClick.Losses;

namespace WeClick.Core.Tests.Losses;

/// <summary>
/// <see cref="GatedCrfLoss"/>: hand-computed values, a brute-force pair loop (the formula written out literally),
/// properties (zero for identical one-hot predictions, non-negative, gating and the normaliser, monotone in σ_xy),
/// a float64 finite-difference gradient check, and settings/shape validation.
/// </summary>
public sealed class GatedCrfPropertyTests
{
    private static Tensor Row(double[] values, long c, long w) => tensor(values, [1, c, 1, w], ScalarType.Float64);

    [Fact]
    public void TwoPixels_HandComputed()
    {
        // ŷ0 = (0.75, 0.25), ŷ1 = (0.5, 0.5): 1 − ⟨ŷ0, ŷ1⟩ = 0.5. Kernel {1, xy 1, rgb 1}, rgb (0,0,0) vs (1,0,0), |dx| = 1:
        // K = exp(−½(1 + 1)) = e⁻¹ both ways. L = (2 · e⁻¹ · 0.5) / D, D = 2 → e⁻¹/2.
        using var scope = NewDisposeScope();
        var prob = Row([0.75, 0.5, 0.25, 0.5], 2, 2);
        var image = Row([0, 1, 0, 0, 0, 0], 3, 2);
        var loss = GatedCrfLoss.Compute(prob, image, null, new() { Radius = 1, Downscale = 1, Kernels = [new(1, 1, 1)] });
        Assert.Equal(0.18393972058572117, loss.ToDouble(), 15);
    }

    [Fact]
    public void ThreePixels_WithGate_HandComputed()
    {
        // ŷ = (1,0), (½,½), (0,1); mask (1,1,0); xy-only kernel σ = 1, K = e^(−½) for adjacent pairs.
        // Pairs i→j gated by m(j): 0→1 (0.5), 1→0 (0.5), 1→2 (gated out), 2→1 (0.5) → 1.5·e^(−½); D = 2.
        using var scope = NewDisposeScope();
        var prob = Row([1, 0.5, 0, 0, 0.5, 1], 2, 3);
        var image = zeros([1, 3, 1, 3], ScalarType.Float64);
        var valid = tensor(new double[] { 1, 1, 0 }, [1, 1, 3], ScalarType.Float64);
        var loss = GatedCrfLoss.Compute(prob, image, valid, new() { Radius = 1, Downscale = 1, Kernels = [new(1, 1, null)] });
        Assert.Equal(0.45489799478447507, loss.ToDouble(), 15); // 0.75·e^(−½)
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    public void MatchesBruteForcePairLoop(int radius, int seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        var settings = new GatedCrfSettings { Radius = radius, Downscale = 1, Kernels = [new(0.7, 2.0, 0.4), new(0.3, 1.5, null)] };
        var prob = randn([2, 3, 6, 7], ScalarType.Float64).softmax(1);
        var image = randn([2, 3, 6, 7], ScalarType.Float64) * 0.3;
        var valid = (rand([2, 6, 7], ScalarType.Float64) > 0.3).to(ScalarType.Float64);
        var expected = BruteForce(prob, image, valid, settings);
        var actual = GatedCrfLoss.Compute(prob, image, valid, settings).ToDouble();
        Assert.Equal(expected, actual, 1e-12);
    }

    [Fact]
    public void IdenticalOneHot_IsZero()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var prob = zeros([2, 4, 9, 8], ScalarType.Float64);
        prob.narrow(1, 2, 1).fill_(1.0);
        var image = randn([2, 3, 36, 32], ScalarType.Float64);
        var loss = GatedCrfLoss.Compute(prob, image, null, new()).ToDouble();
        Assert.Equal(0.0, loss, 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomPredictions_NonNegative_AndIncreaseWithSigmaXy(int seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        var prob = (randn([2, 5, 10, 12]) * 3).softmax(1);
        var image = randn([2, 3, 40, 48]) * 0.1;
        var narrow = GatedCrfLoss.Compute(prob, image, null, new() { Kernels = [new(1, 3, 0.2)] }).item<float>();
        var wide = GatedCrfLoss.Compute(prob, image, null, new() { Kernels = [new(1, 6, 0.2)] }).item<float>();
        Assert.True(narrow > 0, $"loss {narrow} should be > 0 for a random prediction");
        Assert.True(wide > narrow * 1.05, $"doubling σ_xy should increase the loss: {narrow} → {wide}");
    }

    [Fact]
    public void MaskedPixels_AreNotSources_AndNotCountedInD()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var settings = new GatedCrfSettings { Radius = 2, Downscale = 2, Kernels = [new(1, 3, 0.5)] };
        var prob = randn([1, 3, 8, 12], ScalarType.Float64).softmax(1);
        var image = randn([1, 3, 16, 24], ScalarType.Float64) * 0.2;
        // Padding: the right 11 input columns → prediction columns ≥ 6 invalid (column 6 only half padded: eroded).
        var valid = ones([1, 16, 24], ScalarType.Float64);
        valid.narrow(2, 13, 11).zero_();
        var loss = GatedCrfLoss.Compute(prob, image, valid, settings).ToDouble();

        // Columns ≥ 6 + r = 8 are neither sources nor within r of one: their predictions do not matter.
        var changed = prob.clone();
        changed.narrow(3, 8, 4).copy_(randn([1, 3, 8, 4], ScalarType.Float64).softmax(1));
        Assert.Equal(loss, GatedCrfLoss.Compute(changed, image, valid, settings).ToDouble(), 1e-14);

        // D = 8·6 valid prediction pixels: the same sum as the brute force with that normaliser.
        var mask = ones([1, 8, 12], ScalarType.Float64);
        mask.narrow(2, 6, 6).zero_();
        var rgb = nn.functional.adaptive_avg_pool2d(image, (8, 12));
        Assert.Equal(BruteForce(prob, rgb, mask, settings with { Downscale = 1 }), loss, 1e-12);
        Assert.Equal(BruteSum(prob, rgb, mask, settings with { Downscale = 1 }) / 48.0, loss, 1e-12);

        // All padding: no sources, D clamped to 1 → 0, no NaN.
        var none = GatedCrfLoss.Compute(prob, image, zeros([1, 1, 16, 24], ScalarType.Float64), settings).ToDouble();
        Assert.Equal(0.0, none);
    }

    [Fact]
    public void Gradcheck_Float64()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var settings = new GatedCrfSettings { Radius = 2, Downscale = 2, Kernels = [new(0.8, 2, 0.5), new(0.2, 1, null)] };
        var prob = randn([2, 3, 4, 5], ScalarType.Float64).softmax(1).requires_grad_();
        var image = randn([2, 3, 8, 10], ScalarType.Float64) * 0.3;
        var valid = ones([2, 8, 10], ScalarType.Float64);
        valid[1].narrow(1, 7, 3).zero_();
        Assert.True(Gradcheck.Check(x => GatedCrfLoss.Compute(x[0], image, valid, settings), [prob], eps: 1e-6, atol: 1e-8, rtol: 1e-5));
    }

    public static TheoryData<string, Func<GatedCrfSettings>> BadSettings => new()
    {
        { "at least one kernel", () => new() { Kernels = [] } },
        { "Weight must be finite and ≥ 0, got -1", () => new() { Kernels = [new(-1, 6, 0.1)] } },
        { "sigma Xy must be finite and > 0, got 0", () => new() { Kernels = [new(1, 0, 0.1)] } },
        { "sigma Rgb must be finite and > 0, got NaN", () => new() { Kernels = [new(1, 6, double.NaN)] } },
        { "at least one of Xy and Rgb", () => new() { Kernels = [new(1, null, null)] } },
        { "Radius must be ≥ 1, got 0", () => new() { Radius = 0 } },
        { "Downscale must be ≥ 1, got 0", () => new() { Downscale = 0 } },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Compute_ThrowsForInvalidSettings(string message, Func<GatedCrfSettings> settings)
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => GatedCrfLoss.Compute(zeros(1, 2, 3, 3), zeros(1, 3, 12, 12), null, settings()));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreTheReferenceCli()
    {
        var s = new GatedCrfSettings();
        Assert.Equal([new GatedCrfKernel(1, 6, 0.1)], s.Kernels);
        Assert.Equal(5, s.Radius);
        Assert.Equal(4, s.Downscale);
    }

    [Fact]
    public void Compute_ThrowsForShapes()
    {
        using var scope = NewDisposeScope();
        var s = new GatedCrfSettings();
        var prob = zeros(2, 3, 4, 5);
        Assert.Contains("probabilities must be [N,C,h,w]",
            Assert.Throws<ArgumentException>(() => GatedCrfLoss.Compute(zeros(3, 4, 5), zeros(2, 3, 16, 20), null, s)).Message, StringComparison.Ordinal);
        Assert.Contains("image must be [N,3,h·4,w·4] = [2,3,16,20]",
            Assert.Throws<ArgumentException>(() => GatedCrfLoss.Compute(prob, zeros(2, 3, 16, 21), null, s)).Message, StringComparison.Ordinal);
        Assert.Contains("validity must be",
            Assert.Throws<ArgumentException>(() => GatedCrfLoss.Compute(prob, zeros(2, 3, 16, 20), zeros(2, 2, 16, 20), s)).Message, StringComparison.Ordinal);
        Assert.Contains("floating point",
            Assert.Throws<ArgumentException>(() => GatedCrfLoss.Compute(zeros([2, 3, 4, 5], ScalarType.Int64), zeros(2, 3, 16, 20), null, s)).Message, StringComparison.Ordinal);
    }

    /// <summary>The formula written out pair by pair (features and mask already at the prediction grid), divided by D.</summary>
    private static double BruteForce(Tensor prob, Tensor rgb, Tensor mask, GatedCrfSettings s)
    {
        var d = Math.Max(1.0, mask.sum().ToDouble());
        return BruteSum(prob, rgb, mask, s) / d;
    }

    private static double BruteSum(Tensor prob, Tensor rgb, Tensor mask, GatedCrfSettings s)
    {
        var (n, c, h, w) = (prob.shape[0], prob.shape[1], prob.shape[2], prob.shape[3]);
        var y = prob.detach().data<double>().ToArray();
        var im = rgb.data<double>().ToArray();
        var m = mask.data<double>().ToArray();
        double P(long b, long k, long yy, long xx) => y[((b * c + k) * h + yy) * w + xx];
        double I(long b, long k, long yy, long xx) => im[((b * 3 + k) * h + yy) * w + xx];
        var total = 0.0;
        for (long b = 0; b < n; b++)
        for (long yi = 0; yi < h; yi++)
        for (long xi = 0; xi < w; xi++)
        for (long yj = Math.Max(0, yi - s.Radius); yj <= Math.Min(h - 1, yi + s.Radius); yj++)
        for (long xj = Math.Max(0, xi - s.Radius); xj <= Math.Min(w - 1, xi + s.Radius); xj++)
        {
            if ((yj == yi && xj == xi) || m[(b * h + yj) * w + xj] == 0)
            {
                continue;
            }
            var kernel = 0.0;
            foreach (var desc in s.Kernels)
            {
                var e = 0.0;
                if (desc.Xy is { } sxy)
                {
                    e += (Math.Pow((xi - xj) / sxy, 2) + Math.Pow((yi - yj) / sxy, 2));
                }
                if (desc.Rgb is { } srgb)
                {
                    for (var k = 0; k < 3; k++)
                    {
                        e += Math.Pow((I(b, k, yi, xi) - I(b, k, yj, xj)) / srgb, 2);
                    }
                }
                kernel += desc.Weight * Math.Exp(-0.5 * e);
            }
            var dot = 0.0;
            for (long k = 0; k < c; k++)
            {
                dot += P(b, k, yi, xi) * P(b, k, yj, xj);
            }
            total += m[(b * h + yj) * w + xj] * kernel * (1 - dot);
        }
        return total;
    }
}
