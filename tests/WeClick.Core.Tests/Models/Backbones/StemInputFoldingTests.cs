using System.Globalization;
using WeClick.Data;
using WeClick.Models.Backbones;
using Xunit.Abstractions;
using static WeClick.Core.Tests.Models.Backbones.ResNet18OnnxInputs;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>
/// <see cref="StemInputFolding"/>: the folded stem (conv1, bn1) on our normalised RGB input against the original stem on the
/// graph's BGR-minus-mean input, for the same image.
/// </summary>
public sealed class StemInputFoldingTests(ITestOutputHelper output)
{
    [Fact]
    public void Fold_InteriorOutputsEqualTheUnfoldedStem_OnRandomWeights()
    {
        // Random weights and statistics: the algebra alone, independent of the package.
        using var scope = NewDisposeScope();
        manual_seed(7);
        var state = new Dictionary<string, Tensor>
        {
            ["conv1.weight"] = randn(64, 3, 7, 7).mul(0.1),
            ["bn1.weight"] = rand(64).add(0.5),
            ["bn1.bias"] = randn(64),
            ["bn1.running_mean"] = randn(64).mul(10),
            ["bn1.running_var"] = rand(64).add(0.5),
        };
        AssertFoldedStemMatches(state, sourceChannel: [2, 1, 0], graphMean: [100.0, 120.0, 90.0], out _);
    }

    [ResNet18OnnxFact]
    public void Fold_InteriorOutputsEqualTheUnfoldedStem_OnThePackagedWeights_AndTheBorderDiffersLittle()
    {
        using var scope = NewDisposeScope();
        var (state, _, _, _) = Graph();
        var preprocessing = ResNet18OnnxPreprocessing.Read(PreprocessPath);
        AssertFoldedStemMatches(state, preprocessing.SourceChannel, preprocessing.ChannelMean, out var border);
        // The border pads our x = 0 (pixel 255·m) where the original pads y = 0 (pixel M): under 0.6 grey levels apart.
        // Measured 1.3e-3 of the output's scale.
        Assert.True(border is > 0 and < 0.01, string.Create(CultureInfo.InvariantCulture, $"border difference {border:E2}"));
    }

    // Runs conv1 (7×7, stride 2, padding 3) and bn1 (eval) unfolded on the graph input and folded on the normalised input.
    private void AssertFoldedStemMatches(Dictionary<string, Tensor> state, int[] sourceChannel, double[] graphMean, out double borderError)
    {
        var rgb = Image(seed: 4);
        var original = Stem(state, GraphInput(rgb, sourceChannel, graphMean));
        var folded = new Dictionary<string, Tensor>(state) { ["conv1.weight"] = state["conv1.weight"].clone(), ["bn1.running_mean"] = state["bn1.running_mean"].clone() };
        StemInputFolding.Fold(folded, sourceChannel, graphMean, ImageNormalization.ImageNet);
        var ours = Stem(folded, Normalised(rgb));

        // Output i reads input rows 2i − 3 … 2i + 3: inside the 224-pixel image for 2 ≤ i ≤ 110 (112 outputs).
        var interior = TensorIndex.Slice(2, 111);
        var scale = original.abs().max().item<float>();
        var interiorError = ours[.., .., interior, interior].sub(original[.., .., interior, interior]).abs().max().item<float>() / scale;
        borderError = ours.sub(original).abs().max().item<float>() / scale;
        // Measured 5e-7 to 9e-7 (float32 rounding of the two weight sets).
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stem output scale {scale:G4}; max |folded − original| / scale: interior {interiorError:E2}, anywhere {borderError:E2}"));
        Assert.True(interiorError < 5e-6, string.Create(CultureInfo.InvariantCulture, $"interior relative error {interiorError:E2}"));
    }

    private static Tensor Stem(Dictionary<string, Tensor> s, Tensor input) =>
        F.batch_norm(F.conv2d(input, s["conv1.weight"], strides: [2, 2], padding: [3, 3]), s["bn1.running_mean"], s["bn1.running_var"],
            s["bn1.weight"], s["bn1.bias"], training: false, momentum: 0.1, eps: 1e-5);
}
