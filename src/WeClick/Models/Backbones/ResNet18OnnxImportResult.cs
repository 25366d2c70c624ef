using System.Globalization;

namespace WeClick.Models.Backbones;

/// <summary>What <see cref="ResNet18Onnx.Import"/> wrote and read, for the command's report.</summary>
/// <param name="OutputPath">The safetensors file written.</param>
/// <param name="OnnxPath">The ResNet-18 graph read.</param>
/// <param name="PreprocessPath">The preprocessing graph read.</param>
/// <param name="Producer">The graph's producer and opset, e.g. <c>CNTK 2.6, ONNX opset 8</c>.</param>
/// <param name="Blocks">BasicBlocks per stage in the graph (2, 2, 2, 3).</param>
/// <param name="Tensors">Tensors written (parameters, BN statistics, counts).</param>
/// <param name="Parameters">Trainable parameters written (11,176,512 for torchvision's ResNet-18 without fc).</param>
/// <param name="DroppedTensors">Tensors of <c>layer4.2</c> left out.</param>
/// <param name="ChannelMean">The preprocessing's per-channel means folded in (graph channel order, 0–255).</param>
/// <param name="ChannelMin">The spatial mean image's smallest value per channel.</param>
/// <param name="ChannelMax">Its largest value per channel.</param>
/// <param name="GraphChannels">The graph's channel order, e.g. <c>BGR</c>.</param>
/// <param name="StemShift">δ, the constant moved from each stem channel into <c>bn1.running_mean</c>.</param>
public sealed record ResNet18OnnxImportResult(string OutputPath, string OnnxPath, string PreprocessPath, string Producer, IReadOnlyList<int> Blocks,
    int Tensors, long Parameters, int DroppedTensors, IReadOnlyList<double> ChannelMean, IReadOnlyList<double> ChannelMin,
    IReadOnlyList<double> ChannelMax, string GraphChannels, IReadOnlyList<double> StemShift)
{
    /// <summary>A few lines for the terminal.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var means = string.Join(", ", ChannelMean.Select((m, i) => string.Create(c, $"{GraphChannels[i]} {m:F2} (mean image {ChannelMin[i]:F1}–{ChannelMax[i]:F1})")));
        return string.Create(c, $"""
            wrote {OutputPath}: {Tensors} tensors, {Parameters:N0} parameters (torchvision's resnet18 names, without fc)
            from {OnnxPath} ({Producer}; blocks per stage {string.Join(", ", Blocks)}; layer4.2 dropped: {DroppedTensors} tensors)
            input: {GraphChannels} 0–255 minus per-channel means {means} folded into conv1 and bn1, so the backbone takes RGB normalised with ImageNet mean/std
            use it: --set teacher.backboneWeights={OutputPath} (or student.backboneWeights for a resnet18 student)
            """);
    }
}
