using TorchSharp.Modules;
using WeClick.Models;
using Xunit.Abstractions;

namespace WeClick.Core.Tests.Models;

public sealed class BatchNormFoldingTests(ITestOutputHelper output)
{
    public static TheoryData<string> EveryModel() => [.. ModelCatalog.Names];

    /// <summary>
    /// Non-trivial running statistics and affine parameters in every BN (freshly built BNs are the identity in eval mode,
    /// mean 0, var 1, γ 1, β 0, and would let a wrong fold pass): mean ~ N(0, 0.1), var ∈ [0.5, 1.5], γ ∈ [0.5, 1.5], β ~ N(0, 0.1).
    /// </summary>
    internal static void RandomiseBatchNorms(nn.Module model, long seed)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = new Generator((ulong)seed);
        foreach (var bn in model.modules().OfType<BatchNorm2d>())
        {
            var c = bn.num_features;
            bn.running_mean!.copy_(randn(c, generator: generator).mul(0.1));
            bn.running_var!.copy_(rand(c, generator: generator).add(0.5));
            bn.weight.copy_(rand(c, generator: generator).add(0.5));
            bn.bias!.copy_(randn(c, generator: generator).mul(0.1));
        }
    }

    private static int BatchNormCount(nn.Module model) => model.modules().OfType<BatchNorm2d>().Count();

    /// <summary>
    /// The folded model gives the unfolded model's logits. Tolerance: max |Δ| ≤ 1e-4 · max |logits|. The fold itself is
    /// computed in float64, but the folded conv sums s·W·x in float32 where the unfolded one sums W·x and scales after,
    /// so every layer rounds differently (float32 reassociation, ~1e-7 relative per op), compounded through up to ~100
    /// layers; 1e-4 leaves a wide margin over that while any wrong term of the formula (a missing β, μ or √ε) is ≥ 1e-2.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryModel))]
    public void Fold_KeepsTheLogits_AndRemovesEveryBatchNorm(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = ModelCatalog.Create(name, new ModelOptions(Classes: 19));
        RandomiseBatchNorms(model, seed: 1);
        model.eval();
        var input = randn(1, 3, 64, 96, generator: new Generator(2));
        var batchNorms = BatchNormCount(model);
        Assert.True(batchNorms > 0);

        using var noGrad = no_grad();
        var before = model.call(input).Logits;
        var folded = model.FoldBatchNorm();
        var after = model.call(input).Logits;

        Assert.Equal(batchNorms, folded);
        Assert.Equal(0, BatchNormCount(model));
        Assert.DoesNotContain(model.state_dict().Keys, k => k.EndsWith(".running_mean", StringComparison.Ordinal) || k.EndsWith(".running_var", StringComparison.Ordinal));
        var first = model.named_parameters().First();   // the first conv, folded: inference only
        Assert.False(first.parameter.requires_grad, $"{first.name} still requires grad after folding");
        var scale = before.abs().max().ToDouble();
        var relative = (after - before).abs().max().ToDouble() / scale;
        output.WriteLine($"{name}: {folded} BatchNorm2d folded, max |Δ| / max |logits| = {relative:E2} (max |logits| {scale:F3})");
        Assert.True(relative <= 1e-4, $"{name}: max |Δ| / max |logits| = {relative:E2} > 1e-4");

        Assert.Equal(0, model.FoldBatchNorm());   // a second fold finds nothing
        var again = model.call(input).Logits;
        Assert.Equal(0.0, (again - after).abs().max().ToDouble());
    }

    [Fact]
    public void Fold_ThrowsInTrainingMode_AndNamesTheFix()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = ModelCatalog.Create("pspnet-mobilenetv2", new ModelOptions(Classes: 19));
        model.train();
        var batchNorms = BatchNormCount(model);

        var error = Assert.Throws<InvalidOperationException>(() => BatchNormFolding.Fold(model));

        Assert.Contains("training mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("eval()", error.Message, StringComparison.Ordinal);
        Assert.Equal(batchNorms, BatchNormCount(model)); // nothing folded
    }

    [Fact]
    public void Fold_ThrowsWhenOnlyABatchNormIsInTrainingMode()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = ModelCatalog.Create("deeplabv3plus-resnet18", new ModelOptions(Classes: 19));
        model.eval();
        model.modules().OfType<BatchNorm2d>().Last().train();

        Assert.Throws<InvalidOperationException>(() => model.FoldBatchNorm());
    }

    /// <summary>
    /// A conv with a bias (the catalogue's are all bias-free) in float64: b' = (b − μ)·s + β, exact to rounding; the
    /// BN's keys leave the state dict and the other layers keep their nn.Sequential names.
    /// </summary>
    [Fact]
    public void LayerSequence_FoldsAConvWithBias_AndKeepsTheOtherNames()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var sequence = new LayerSequence(nn.Conv2d(3, 4, 3, padding: 1, bias: true), nn.BatchNorm2d(4, eps: 1e-3), nn.ReLU(), nn.Conv2d(4, 2, 1));
        sequence.to(float64);
        RandomiseBatchNorms(sequence, seed: 4);
        sequence.eval();
        var input = randn(2, 3, 5, 7, float64);
        using var noGrad = no_grad();
        var before = sequence.call(input);

        Assert.Equal(1, BatchNormFolding.Fold(sequence));
        var after = sequence.call(input);

        Assert.Equal(3, sequence.Count);
        Assert.Equal(new[] { "0.weight", "0.bias", "3.weight", "3.bias" }, sequence.state_dict().Keys);
        Assert.True((after - before).abs().max().ToDouble() < 1e-12);
        Assert.Equal(float64, sequence.state_dict()["0.weight"].dtype);
    }

    [Fact]
    public void LayerSequence_NamesItsChildrenAsSequential()
    {
        using var scope = NewDisposeScope();
        using var sequence = new LayerSequence(nn.Conv2d(3, 4, 1, bias: false), nn.BatchNorm2d(4), nn.ReLU());
        using var reference = nn.Sequential(nn.Conv2d(3, 4, 1, bias: false), nn.BatchNorm2d(4), nn.ReLU());

        Assert.Equal(reference.state_dict().Keys, sequence.state_dict().Keys);
        Assert.Equal(reference.named_children().Select(c => c.name), sequence.named_children().Select(c => c.name));
    }
}
