using System.Globalization;
using WeClick.Data;
using WeClick.Engine;
using WeClick.Models.Onnx;
using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// Imports the ImageNet-trained ResNet-18 that NuGet ships (<see cref="ResNet18OnnxPackage"/>: a CNTK 2.6 export,
/// ONNX opset 8) as a safetensors file with torchvision's names, which <see cref="ImageNetWeights.Load"/> (config key
/// <c>backboneWeights</c>) loads into the catalogue's <c>resnet18</c> backbone. <c>weclick weights import</c> runs it.
/// </summary>
/// <remarks>
/// <para><b>The third block of stage 4 is dropped.</b> The CNTK network has three BasicBlocks in <c>layer4</c> where
/// torchvision's ResNet-18 has two. The catalogue keeps torchvision's ResNet-18, so the paper's parameter counts stay
/// exact (16.61 M for DeepLabV3+ R18, 13.80 M for PSP-R18) and the file is interchangeable with torchvision's converted
/// weights; <c>layer4.2</c> (4.7 M parameters) is left out. The remaining blocks were trained with it behind them, so
/// the features after <c>layer4.1</c> are not those of a network trained without it: fine-tuning adapts them, as it
/// adapts the dilated <c>layer4</c> of DeepLabV3+ and PSPNet anyway.</para>
/// <para><b>The input convention is folded in.</b> The graph expects BGR in 0–255 minus a mean;
/// <see cref="StemInputFolding"/> rewrites the stem so the backbone takes our RGB input normalised with
/// <see cref="ImageNormalization.ImageNet"/>, with each channel's average of the package's spatial mean image as the
/// mean (see there for what differs at the border and why the spatial mean cannot be kept).</para>
/// </remarks>
public static class ResNet18Onnx
{
    /// <summary>Where <c>weclick weights import</c> writes by default: the name the torchvision converter
    /// (data-scripts/weights) gives ResNet-18, so configs name one file whichever way it was made.</summary>
    public const string DefaultOutput = "data/weights/resnet18_imagenet.safetensors";

    /// <summary>
    /// Reads the graph at <paramref name="onnxPath"/> and its preprocessing graph, maps the weights to torchvision's names,
    /// folds the input convention, drops <c>layer4.2</c>, checks that the result loads strictly into the catalogue's
    /// ResNet-18, and writes it to <paramref name="outputPath"/> (atomically; the folder is created).
    /// </summary>
    /// <param name="onnxPath">ResNet18.onnx.</param>
    /// <param name="outputPath">The safetensors file to write.</param>
    /// <param name="preprocessPath">ResNetPreprocess.onnx; by default the one beside <paramref name="onnxPath"/> in the package layout.</param>
    /// <exception cref="FileNotFoundException">An ONNX file does not exist (named, with what to pass instead).</exception>
    /// <exception cref="OnnxFormatException">A file is not readable ONNX, or not the expected graph (named, with the node).</exception>
    public static ResNet18OnnxImportResult Import(string onnxPath, string outputPath, string? preprocessPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(onnxPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        using var scope = NewDisposeScope();
        var (state, blocks, producer) = ReadGraphConvention(onnxPath);
        preprocessPath ??= ResNet18OnnxPackage.FindPreprocessBeside(onnxPath) ?? throw new FileNotFoundException(
            $"No preprocessing graph beside '{onnxPath}' (expected ../ResNetPrepOnnx/ResNetPreprocess.onnx as in the NuGet package); pass --preprocess <path>.");
        var preprocessing = ResNet18OnnxPreprocessing.Read(preprocessPath);
        var delta = StemInputFolding.Fold(state, preprocessing.SourceChannel, preprocessing.ChannelMean, ImageNormalization.ImageNet);
        var dropped = state.Keys.Where(k => k.StartsWith("layer4.", StringComparison.Ordinal) && int.Parse(k.Split('.')[1], CultureInfo.InvariantCulture) >= 2).ToList();
        foreach (var name in dropped)
        {
            state.Remove(name);
        }
        using (var check = ResNet.Create(18, 16))
        {
            check.LoadStateDictStrict(state, $"resnet18 from '{onnxPath}'");   // the written file will load: same names, shapes, dtypes
        }
        var full = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string Numbers(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)));
        var source = preprocessing.SourceChannel.Select(c => "RGB"[c]).ToArray();
        Safetensors.Save(state, outputPath, new Dictionary<string, string>
        {
            ["source"] = $"NuGet {ResNet18OnnxPackage.Id} {ResNet18OnnxPackage.Version}: {Path.GetFileName(onnxPath)} ({producer}), imported by WeClick.Models.Backbones.ResNet18Onnx",
            ["model"] = "resnet18",
            ["weights"] = "ImageNet (CNTK)",
            ["dropped"] = $"layer4.2.* ({dropped.Count} tensors): the CNTK network's third block in stage 4; torchvision's ResNet-18 has two",
            ["input"] = $"RGB in [0, 1] normalised with ImageNet mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225); the graph's " +
                        $"{new string(source)} in 0–255 minus per-channel means ({Numbers(preprocessing.ChannelMean)}) is folded into conv1.weight and bn1.running_mean",
        });
        var parameters = state.Where(kv => !kv.Key.EndsWith("running_mean", StringComparison.Ordinal) && !kv.Key.EndsWith("running_var", StringComparison.Ordinal)
                                            && !kv.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Sum(kv => kv.Value.numel());
        return new ResNet18OnnxImportResult(outputPath, onnxPath, preprocessPath, producer, blocks, state.Count, parameters, dropped.Count,
            preprocessing.ChannelMean, preprocessing.ChannelMin, preprocessing.ChannelMax, new string(source), delta);
    }

    /// <summary>
    /// The graph's weights under torchvision's names, <c>layer4.2</c> included, in the graph's own input convention
    /// (BGR, 0–255 minus the mean): what <see cref="ResNet.CreateCntkResNet18"/> loads to reproduce the graph.
    /// </summary>
    internal static (Dictionary<string, Tensor> State, int[] Blocks, string Producer) ReadGraphConvention(string onnxPath)
    {
        var model = OnnxModel.Load(onnxPath);
        var (state, blocks, _, _) = ResNet18OnnxGraph.Map(model);
        return (state, blocks, $"{model.Producer}, ONNX opset {model.Opset}");
    }
}
