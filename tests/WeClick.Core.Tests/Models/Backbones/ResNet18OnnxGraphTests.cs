using System.Globalization;
using Xunit.Abstractions;
using WeClick.Core.Tests.Models.Onnx;
using WeClick.Engine;
using WeClick.Models.Backbones;
using WeClick.Models.Onnx;
using static WeClick.Core.Tests.Models.Backbones.ResNet18OnnxInputs;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>
/// The packaged CNTK ResNet-18 graph, mapped to torchvision's names by <see cref="ResNet18OnnxGraph"/>, against the
/// graph itself run by ONNX Runtime on the same input (the graph's own convention: BGR minus the channel means), before
/// any folding: our backbones with its weights must compute what ONNX Runtime computes.
/// </summary>
public sealed class ResNet18OnnxGraphTests(ITestOutputHelper output)
{
    // max |ours − ONNX Runtime| / max |ONNX Runtime|: float32 rounding through up to 21 convolutions in two engines with
    // different kernels (ONNX Runtime fuses BatchNorm into the convolutions). Measured 3e-7 to 1.2e-6 (the test output says).
    private const double Tolerance = 1e-5;

    [ResNet18OnnxFact]
    public void Map_UsesEveryInitializerOnce_UnderTheNamesOfTheThreeBlockResNet18()
    {
        var model = OnnxModel.Load(ModelPath);
        var (state, blocks, sources, stageOutputs) = ResNet18OnnxGraph.Map(model);
        try
        {
            Assert.Equal([2, 2, 2, 3], blocks);
            Assert.Equal(110, model.Initializers.Count);
            Assert.Equal(model.Initializers.Keys.Order(StringComparer.Ordinal), sources.Values.Order(StringComparer.Ordinal));
            using var cntk = ResNet.CreateCntkResNet18();
            Assert.Equal(cntk.state_dict().Keys.Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(22, state.Keys.Count(k => k.EndsWith(".num_batches_tracked", StringComparison.Ordinal)));
            Assert.Equal(4, stageOutputs.Distinct().Count());
        }
        finally
        {
            ResNet18OnnxInputs.Dispose(state);
        }
    }

    [ResNet18OnnxFact]
    public void CatalogueResNet18_WithTheGraphsWeights_GivesOnnxRuntimesLayer1AndLayer3()
    {
        using var scope = NewDisposeScope();
        var (state, _, _, stageOutputs) = Graph();
        var preprocessing = ResNet18OnnxPreprocessing.Read(PreprocessPath);
        var input = GraphInput(Image(seed: 1), preprocessing);
        // ONNX Runtime returns only graph outputs: declare the ends of layer1 and layer3 as outputs too.
        var graph = ProtobufWriter.WithGraphOutputs(File.ReadAllBytes(ModelPath), [stageOutputs[0], stageOutputs[2]]);
        var expected = OnnxRuntimeReference.Run(graph, input, stageOutputs[0], stageOutputs[2]);

        using var backbone = ResNet.Create(18, outputStride: 16);   // layer1 to layer3 are undilated at output stride 16
        backbone.LoadStateDictStrict(WithoutThirdBlock(state), "resnet18 from the graph");
        backbone.eval();
        using (no_grad())
        {
            var features = backbone.call(input);
            AssertClose("layer1", expected[stageOutputs[0]], features.Low);
            AssertClose("layer3", expected[stageOutputs[2]], features.Auxiliary);
        }
    }

    [ResNet18OnnxFact]
    public void CntkResNet18_WithTheWholeGraph_GivesOnnxRuntimesPooledFeatures()
    {
        using var scope = NewDisposeScope();
        var (state, _, _, _) = Graph();
        var preprocessing = ResNet18OnnxPreprocessing.Read(PreprocessPath);
        var model = File.ReadAllBytes(ModelPath);
        using var backbone = ResNet.CreateCntkResNet18();
        backbone.LoadStateDictStrict(state, "the CNTK resnet18 from the graph");
        backbone.eval();
        foreach (var seed in new[] { 2L, 3L })
        {
            var input = GraphInput(Image(seed), preprocessing);
            var expected = OnnxRuntimeReference.Run(model, input).Values.Single();   // [1, 512, 1, 1], the 7×7 average pool
            using (no_grad())
            {
                var pooled = backbone.call(input).High.mean([2, 3], keepdim: true);
                AssertClose($"pooled features, image {seed}", expected, pooled);
            }
        }
    }

    [ResNet18OnnxFact]
    public void ResNet18OnnxPreprocessing_ReadsTheChannelReversalAndTheSpatialMeanImage()
    {
        var preprocessing = ResNet18OnnxPreprocessing.Read(PreprocessPath);
        Assert.Equal([2, 1, 0], preprocessing.SourceChannel);          // BGR from RGB
        Assert.Equal((224L, 224L), (preprocessing.Height, preprocessing.Width));
        double[] averages = [103.06, 115.90, 123.15];                    // B, G, R: near 255 × (0.406, 0.456, 0.485)
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(averages[c], preprocessing.ChannelMean[c], 2);
            Assert.True(preprocessing.ChannelMax[c] - preprocessing.ChannelMin[c] > 10, "the mean image varies in space: it is not a constant per channel");
        }
    }

    private void AssertClose(string what, Tensor expected, Tensor actual)
    {
        var error = BackboneReference.RelativeError(expected, actual);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: max |ours − ONNX Runtime| / max |ONNX Runtime| = {error:E2} (scale {expected.abs().max().item<float>():G4})"));
        Assert.True(error <= Tolerance, string.Create(CultureInfo.InvariantCulture, $"{what}: relative error {error:E2} > {Tolerance:E0}"));
    }
}
