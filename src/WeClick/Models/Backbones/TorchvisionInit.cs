using WeClick.Torch;
using WeClick.Torch.Modules;
using static WeClick.Torch.torch;

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
    public static void Apply(nn.Module root)
    {
        using var noGrad = no_grad();
        foreach (var module in root.modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanMode.fan_out, nonlinearity: "relu");
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
}
