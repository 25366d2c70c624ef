using System.Globalization;
using WeClick.Models.Backbones;
using WeClick.Serialization;
using Xunit.Abstractions;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>
/// The backbones against torchvision (Reference/backbones.py): the same weights give the same features, and the
/// same seed gives the same initial weights.
/// </summary>
[Collection(BackboneReferenceCollection.Name)]
public sealed class BackboneParityTests(BackboneReference reference, ITestOutputHelper output)
{
    // Normwise relative error bound for float32 features (max |Δ| / max |reference|).
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData("resnet18", 16)]
    [InlineData("resnet18", 8)]
    [InlineData("resnet50", 16)]
    [InlineData("resnet50", 8)]
    [InlineData("mobilenet_v2", 16)]
    [InlineData("mobilenet_v2", 8)]
    public void Features_InEvalMode_MatchTorchvision(string arch, int outputStride)
    {
        using var scope = NewDisposeScope();
        using var backbone = BackboneReference.Create(arch, outputStride);
        ImageNetWeights.Load(backbone, reference.Weights(arch));
        backbone.eval();
        using var noGrad = no_grad();
        var features = backbone.call(reference["input"]);
        AssertClose($"{arch}_os{outputStride}", features);
    }

    [Fact]
    public void Features_InTrainMode_MatchTorchvision_AndUpdateRunningStatistics()
    {
        using var scope = NewDisposeScope();
        using var backbone = ResNet.Create(18, 16);
        ImageNetWeights.Load(backbone, reference.Weights("resnet18"));
        backbone.train();
        using (no_grad())
        {
            AssertClose("resnet18_os16_train", backbone.call(reference["input"]));
        }
        var state = backbone.state_dict();
        foreach (var key in new[] { "bn1.running_mean", "bn1.running_var", "layer4.1.bn2.running_mean", "layer4.1.bn2.running_var" })
        {
            var error = BackboneReference.RelativeError(reference["resnet18_os16_train." + key], state[key]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}: relative error {error:E2}"));
            Assert.True(error <= Tolerance, $"{key}: relative error {error:E2}");
        }
        TensorAssert.Equal(reference["resnet18_os16_train.layer4.1.bn2.num_batches_tracked"], state["layer4.1.bn2.num_batches_tracked"]);
    }

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet50")]
    [InlineData("mobilenet_v2")]
    public void Initialisation_WithTorchvisionsSeed_GivesTorchvisionsConvWeights(string arch)
    {
        using var scope = NewDisposeScope();
        manual_seed(reference.Seed(arch));
        using var backbone = BackboneReference.Create(arch, 16);
        using var file = Safetensors.Load(reference.Weights(arch), null);
        var convs = 0;
        foreach (var (name, tensor) in backbone.state_dict())
        {
            if (tensor.dim() == 4)
            {
                // Bit-identical: libtorch 2.10's CPU generator (mt19937, normal_/uniform_ kernels) draws what python3-torch
                // 1.13's does, and TorchvisionInit walks the modules in PyTorch's pre-order, as torchvision's init loop.
                TensorAssert.Equal(file[name], tensor);
                convs++;
            }
            else if (name.EndsWith(".weight", StringComparison.Ordinal))
            {
                Assert.Equal(1f, tensor.min().item<float>());   // BN weight 1 (the file's BN was randomised)
                Assert.Equal(1f, tensor.max().item<float>());
            }
        }
        Assert.True(convs >= 20, $"only {convs} conv weights compared");
    }

    private void AssertClose(string prefix, WeClick.Models.BackboneFeatures features)
    {
        foreach (var (name, actual) in new[] { ("low", features.Low), ("aux", features.Auxiliary), ("high", features.High) })
        {
            var error = BackboneReference.RelativeError(reference[$"{prefix}.{name}"], actual);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.{name} {string.Join('x', actual.shape)}: relative error {error:E2}"));
            Assert.True(error <= Tolerance, $"{prefix}.{name}: relative error {error:E2} > {Tolerance:E0}");
        }
    }
}
