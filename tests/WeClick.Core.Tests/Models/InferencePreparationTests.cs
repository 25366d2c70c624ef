using TorchSharp.Modules;
using WeClick.Engine;
using WeClick.Models;
using Xunit.Abstractions;

namespace WeClick.Core.Tests.Models;

/// <summary>
/// <see cref="InferencePreparation"/> (eval + BatchNorm folding + channels-last where it helps) and
/// <see cref="InferenceMemory"/> (malloc thresholds while inferring): the speed tuning of <c>weclick infer</c> and of
/// the "C# tuned" column of <c>weclick bench models</c> must leave every logit where it was.
/// </summary>
public sealed class InferencePreparationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Students() => ["deeplabv3plus-mobilenetv2", "pspnet-mobilenetv2", "deeplabv3plus-resnet18"];

    /// <summary>
    /// Tolerance max |Δ| ≤ 1e-4 · max |logits|, the folding test's: channels-last only changes the order in which oneDNN
    /// sums (float32 reassociation), far below what a transposed or misplaced weight would give (≥ 1e-1).
    /// </summary>
    [Theory]
    [MemberData(nameof(Students))]
    public void Prepare_KeepsTheLogits_AndUsesChannelsLastExactlyWhereItHelps(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = ModelCatalog.Create(name, new ModelOptions(Classes: 11));
        // Non-identity BatchNorms, so that a wrong fold or a scrambled weight shows.
        BatchNormFoldingTests.RandomiseBatchNorms(model, seed: 1);
        model.eval();
        var input = randn(1, 3, 64, 96, generator: new Generator(2));
        using var noGrad = no_grad();
        var before = model.call(input).Logits;

        var expectChannelsLast = InferencePreparation.ChannelsLastHelps(model);
        var done = InferencePreparation.Prepare(model);
        var after = model.call(input).Logits;

        output.WriteLine($"{name}: {done}");
        Assert.StartsWith("BatchNorm folded (", done, StringComparison.Ordinal);
        Assert.EndsWith(expectChannelsLast ? "channels-last weights" : "NCHW weights", done, StringComparison.Ordinal);
        Assert.Empty(model.modules().OfType<BatchNorm2d>());
        // Weights with one input channel (depthwise) or a 1×1 kernel are NCHW and NHWC at once, so only the others tell.
        var weights = model.parameters().Where(p => p.dim() == 4 && p.shape[1] > 1 && p.shape[2] * p.shape[3] > 1).ToList();
        Assert.NotEmpty(weights);
        Assert.All(weights, w => Assert.Equal(expectChannelsLast, InferencePreparation.IsChannelsLast(w)));
        Assert.Equal(before.shape, after.shape);
        var relative = (after - before).abs().max().ToDouble() / before.abs().max().ToDouble();
        output.WriteLine($"{name}: max |Δ| / max |logits| = {relative:E2}");
        Assert.True(relative <= 1e-4, $"{name}: max |Δ| / max |logits| = {relative:E2} > 1e-4");
    }

    [Fact]
    public void ChannelsLast_IsForDeepLabOnly_AndOnlyOnOneDnnsDefaultKernels()
    {
        using var scope = NewDisposeScope();
        using var deeplab = ModelCatalog.Create("deeplabv3plus-mobilenetv2", new ModelOptions(Classes: 11));
        using var psp = ModelCatalog.Create("pspnet-mobilenetv2", new ModelOptions(Classes: 11));

        Assert.False(InferencePreparation.ChannelsLastHelps(psp));
        Assert.Equal(TorchEngine.OneDnnRunsDefaultKernels, InferencePreparation.ChannelsLastHelps(deeplab));
    }

    [Fact]
    public void ToChannelsLast_KeepsShapeAndValues_AndGivesNhwcStrides()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var conv = nn.Conv2d(5, 7, 3, padding: 1);
        var weightBefore = conv.weight!.detach().clone();
        var input = randn(2, 5, 6, 9, generator: new Generator(4));
        using var noGrad = no_grad();
        var outputBefore = conv.call(input);

        InferencePreparation.ToChannelsLast(conv);

        Assert.Equal(new long[] { 7, 5, 3, 3 }, conv.weight!.shape);
        Assert.Equal(new long[] { 45, 1, 15, 5 }, conv.weight.stride());
        Assert.True(InferencePreparation.IsChannelsLast(conv.weight));
        Assert.Equal(0.0, (conv.weight - weightBefore).abs().max().ToDouble());
        Assert.Equal(1, conv.bias!.stride()[0]);   // 1-D parameters are left alone
        var outputAfter = conv.call(input);
        Assert.True((outputAfter - outputBefore).abs().max().ToDouble() <= 1e-5 * outputBefore.abs().max().ToDouble());

        InferencePreparation.ToChannelsLast(conv);   // a second call changes nothing
        Assert.Equal(new long[] { 45, 1, 15, 5 }, conv.weight.stride());
    }

    [Fact]
    public void IsChannelsLast_IsFalseForContiguousAndNonFourDimensionalTensors()
    {
        using var scope = NewDisposeScope();
        Assert.False(InferencePreparation.IsChannelsLast(zeros(2, 3, 4, 5)));
        Assert.False(InferencePreparation.IsChannelsLast(zeros(2, 3, 4)));
        Assert.True(InferencePreparation.IsChannelsLast(zeros(2, 4, 5, 3).permute(0, 3, 1, 2)));
        Assert.False(InferencePreparation.IsChannelsLast(zeros(2, 4, 3, 5).permute(0, 2, 1, 3)));   // H fastest after W: not NHWC
        Assert.True(InferencePreparation.IsChannelsLast(zeros(6, 1, 3, 3)));   // depthwise weight: size-1 channel dim, either layout
        Assert.True(InferencePreparation.IsChannelsLast(zeros(6, 4, 1, 1)));   // 1×1 weight: either layout
        Assert.False(InferencePreparation.IsChannelsLast(zeros(6, 4, 3, 1)));  // a 3×1 kernel with 4 channels is not
    }

    [Fact]
    public void InferenceMemory_RaisesWhileAnyScopeIsOpen_AndRestoresWhenTheOutermostCloses()
    {
        Assert.False(InferenceMemory.IsRaised);
        var outer = InferenceMemory.Enter();
        var expectRaised = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(TorchEngine.MallocDefaultsVariable) != "1";
        Assert.Equal(expectRaised, InferenceMemory.IsRaised);
        var inner = InferenceMemory.Enter();
        inner.Dispose();
        Assert.Equal(expectRaised, InferenceMemory.IsRaised);   // the outer scope is still open
        inner.Dispose();                                        // a second dispose of one scope does not close the outer
        Assert.Equal(expectRaised, InferenceMemory.IsRaised);
        outer.Dispose();
        Assert.False(InferenceMemory.IsRaised);
    }
}
