using WeClick.Data;
using WeClick.Models.Backbones;
using WeClick.Models.Onnx;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>The packaged graph and one image in the two input conventions the import tests compare.</summary>
internal static class ResNet18OnnxInputs
{
    /// <summary>The graph's fixed input size.</summary>
    public const int Size = 224;

    public static string ModelPath => ResNet18OnnxPackage.FindModel() ?? throw new InvalidOperationException("The test should have been skipped.");

    public static string PreprocessPath => ResNet18OnnxPackage.FindPreprocessBeside(ModelPath)!;

    /// <summary>
    /// A smooth random RGB image in 0–255, [1, 3, 224, 224]: 8×8 random colours upsampled bilinearly, plus uniform noise
    /// of ±8 grey levels (smooth like a photograph, with some texture).
    /// </summary>
    public static Tensor Image(long seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var coarse = rand([1, 3, 8, 8], generator: generator).mul(255);
        var smooth = F.interpolate(coarse, [Size, Size], mode: InterpolationMode.Bilinear, align_corners: false);
        var noise = rand([1, 3, Size, Size], generator: generator).sub(0.5).mul(16);
        return smooth.add(noise).clamp(0, 255).MoveToOuterDisposeScope();
    }

    /// <summary>The graph's input for an RGB image: its channels reordered (BGR) minus each channel's mean-image average.</summary>
    public static Tensor GraphInput(Tensor rgb, ResNet18OnnxPreprocessing preprocessing) =>
        GraphInput(rgb, preprocessing.SourceChannel, preprocessing.ChannelMean);

    /// <summary>The graph's input for an RGB image: channel j is RGB channel <paramref name="sourceChannel"/>[j] minus <paramref name="mean"/>[j].</summary>
    public static Tensor GraphInput(Tensor rgb, IReadOnlyList<int> sourceChannel, IReadOnlyList<double> mean)
    {
        using var scope = NewDisposeScope();
        var reordered = rgb.index_select(1, tensor(sourceChannel.Select(c => (long)c).ToArray()));
        return reordered.sub(tensor(mean.Select(m => (float)m).ToArray(), [1, 3, 1, 1])).MoveToOuterDisposeScope();
    }

    /// <summary>Our pipeline's input for an RGB image in 0–255: (x/255 − mean)/std with ImageNet statistics, as <c>Clip.ToTensor</c>.</summary>
    public static Tensor Normalised(Tensor rgb)
    {
        using var scope = NewDisposeScope();
        var norm = ImageNormalization.ImageNet;
        var mean = tensor(norm.Mean.ToArray(), [1, 3, 1, 1]);
        var std = tensor(norm.Std.ToArray(), [1, 3, 1, 1]);
        return rgb.div(255.0).sub(mean).div(std).MoveToOuterDisposeScope();
    }

    /// <summary>The graph's weights in its own convention (layer4.2 included) and the value names that end each stage.</summary>
    public static (Dictionary<string, Tensor> State, int[] Blocks, Dictionary<string, string> Sources, string[] StageOutputs) Graph() =>
        ResNet18OnnxGraph.Map(OnnxModel.Load(ModelPath));

    /// <summary>The entries of <paramref name="state"/> outside <c>layer4.2</c>: torchvision's ResNet-18.</summary>
    public static Dictionary<string, Tensor> WithoutThirdBlock(Dictionary<string, Tensor> state) =>
        state.Where(kv => !kv.Key.StartsWith("layer4.2.", StringComparison.Ordinal)).ToDictionary();

    /// <summary>Disposes every tensor of a state dictionary.</summary>
    public static void Dispose(Dictionary<string, Tensor> state)
    {
        foreach (var t in state.Values)
        {
            t.Dispose();
        }
    }
}
