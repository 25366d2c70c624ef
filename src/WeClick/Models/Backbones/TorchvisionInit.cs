using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// torchvision's weight initialisation of ResNet and MobileNetV2, drawing from libtorch's default generator in
/// torchvision's order, so that <c>torch.manual_seed(s)</c> before construction gives the very weights that
/// <c>torch.manual_seed(s); torchvision.models.resnet18()</c> gives in Python (classifier excepted).
/// </summary>
internal static class TorchvisionInit
{
    /// <summary>
    /// Advances the generator as constructing torchvision's classifier <c>nn.Linear(in_features, 1000)</c> does
    /// (PyTorch 1.13: kaiming_uniform_(weight, a=√5), then uniform_(bias)). torchvision builds it after the
    /// feature layers and before its init loop; the backbone has no classifier, but without these draws every
    /// re-initialised conv weight would differ from torchvision's for the same seed.
    /// </summary>
    public static void SkipClassifier(long inFeatures, long outFeatures = 1000)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var weight = empty([outFeatures, inFeatures]);
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        var bias = empty([outFeatures]);
        var bound = 1 / Math.Sqrt(inFeatures);
        nn.init.uniform_(bias, -bound, bound);
    }

    /// <summary>
    /// torchvision's loop over <c>self.modules()</c>: every Conv2d gets kaiming_normal_(mode="fan_out",
    /// gain √2) and a zero bias; every BatchNorm2d weight 1, bias 0.
    /// </summary>
    /// <remarks>
    /// The order of the draws is PyTorch's <c>modules()</c> order, a depth-first pre-order walk. TorchSharp's
    /// <c>modules()</c> lists a module's children before any grandchild instead; ResNet's convs come out in the same
    /// order either way, but MobileNetV2's nested blocks (<c>features.1.conv.0.0</c> before <c>features.1.conv.1</c>)
    /// would not, and every block's weights would differ from torchvision's for the same seed.
    /// </remarks>
    public static void Apply(nn.Module root)
    {
        using var noGrad = no_grad();
        foreach (var module in PreOrder(root))
        {
            switch (module)
            {
                case Conv2d conv:
                    nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
                    if (conv.bias is { } b)
                    {
                        nn.init.zeros_(b);
                    }
                    break;
                case BatchNorm2d bn when bn.affine:
                    nn.init.ones_(bn.weight!);
                    nn.init.zeros_(bn.bias!);
                    break;
            }
        }
    }

    /// <summary>The module and its descendants, depth first, each before its children (PyTorch's <c>Module.modules()</c>).</summary>
    private static IEnumerable<nn.Module> PreOrder(nn.Module module)
    {
        yield return module;
        foreach (var (_, child) in module.named_children())
        {
            foreach (var descendant in PreOrder(child))
            {
                yield return descendant;
            }
        }
    }
}
