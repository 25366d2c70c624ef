using WeClick.Models.Backbones;

namespace WeClick.Testing;

/// <summary>
/// A fact that needs the ImageNet ResNet-18 ONNX file of NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18, which
/// scripts/setup.sh's restore downloads; skipped, saying where it looked, where it is absent.
/// </summary>
public sealed class ResNet18OnnxFactAttribute : FactAttribute
{
    public ResNet18OnnxFactAttribute()
    {
        if (ResNet18OnnxPackage.FindModel() is null)
        {
            Skip = $"needs {ResNet18OnnxPackage.ModelPath} of NuGet package {ResNet18OnnxPackage.Id} {ResNet18OnnxPackage.Version} " +
                   $"under {string.Join(" or ", ResNet18OnnxPackage.Folders)} (a fresh build by scripts/setup.sh restores it, as does `dotnet restore WeClick.Research.sln`)";
        }
    }
}
