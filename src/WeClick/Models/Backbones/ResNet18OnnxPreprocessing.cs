using WeClick.Models.Onnx;

namespace WeClick.Models.Backbones;

/// <summary>
/// What the package's preprocessing graph (<c>ResNetPrepOnnx/ResNetPreprocess.onnx</c>) does to an image before the
/// ResNet-18 graph sees it, read from the graph rather than assumed: <c>Split</c> of the RGB planes (0–255), <c>Concat</c>
/// in reverse order (BGR), <c>Sub</c> of a constant mean image.
/// </summary>
/// <remarks>
/// In <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.24.0 the mean image is a [1, 3, 224, 224] <em>spatial</em> mean
/// (CNTK's ImageNet mean image), not a constant per channel: B averages 103.06 and ranges 95.3–115.8, G 115.90
/// (109.1–126.2), R 123.15 (118.7–129.5). A spatial mean cannot be folded into a convolution, which treats every
/// position alike, and exists only at 224×224 while our crops are 80×160 to 768×768; <see cref="StemInputFolding"/>
/// therefore folds each channel's spatial average (<see cref="ChannelMean"/>).
/// </remarks>
/// <param name="SourceChannel">For each of the graph's input channels, the RGB channel it is taken from ([2, 1, 0] for BGR).</param>
/// <param name="ChannelMean">Each graph channel's mean-image average, in 0–255 units (B, G, R for BGR).</param>
/// <param name="ChannelMin">Each graph channel's smallest mean-image value.</param>
/// <param name="ChannelMax">Each graph channel's largest mean-image value.</param>
/// <param name="MeanImage">The mean image's values, [3 × H × W] row-major in the graph's channel order (tests compare
/// against the original preprocessing with it).</param>
/// <param name="Height">The mean image's height (224).</param>
/// <param name="Width">The mean image's width (224).</param>
internal sealed record ResNet18OnnxPreprocessing(int[] SourceChannel, double[] ChannelMean, double[] ChannelMin, double[] ChannelMax,
    float[] MeanImage, long Height, long Width)
{
    /// <summary>Reads and checks the preprocessing graph.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="OnnxFormatException">The graph is not Split → Concat (a channel permutation) → Sub(a [1, 3, H, W] mean).</exception>
    public static ResNet18OnnxPreprocessing Read(string path)
    {
        var model = OnnxModel.Load(path);
        OnnxFormatException Fail(string message) => new(path, $"not the expected preprocessing graph (Split → Concat → Sub of a mean image): {message}");
        var ops = string.Join(" → ", model.Nodes.Select(n => n.OpType));
        if (model.Nodes.Count != 3 || model.Nodes[0].OpType != "Split" || model.Nodes[1].OpType != "Concat" || model.Nodes[2].OpType != "Sub")
        {
            throw Fail($"found {ops}.");
        }
        var (split, concat, sub) = (model.Nodes[0], model.Nodes[1], model.Nodes[2]);
        if (split.Int("axis", 0) != 1 || split.Outputs.Count != 3 || concat.Int("axis", 0) != 1 || concat.Inputs.Count != 3)
        {
            throw Fail($"{split} and {concat} must split and join three channels on axis 1.");
        }
        var source = concat.Inputs.Select(i => split.Outputs.ToList().IndexOf(i)).ToArray();
        if (source.Order().SequenceEqual([0, 1, 2]) is false)
        {
            throw Fail($"{concat} joins [{string.Join(", ", concat.Inputs)}], not a permutation of {split}'s outputs.");
        }
        if (sub.Inputs.Count != 2 || sub.Inputs[0] != concat.Outputs[0] || !model.Initializers.ContainsKey(sub.Inputs[1]))
        {
            throw Fail($"{sub} must subtract a constant from {concat}'s output.");
        }
        var mean = model.FloatInitializer(sub, sub.Inputs[1]);
        if (mean.Dims is not [1, 3, var height, var width])
        {
            throw Fail($"the mean '{mean.Name}' is {mean.Shape}, not [1, 3, H, W].");
        }
        var plane = (int)(height * width);
        var values = mean.Values!;
        double[] average = new double[3], min = new double[3], max = new double[3];
        for (var c = 0; c < 3; c++)
        {
            double sum = 0;
            (min[c], max[c]) = (double.PositiveInfinity, double.NegativeInfinity);
            foreach (var v in values.AsSpan(c * plane, plane))
            {
                sum += v;
                min[c] = Math.Min(min[c], v);
                max[c] = Math.Max(max[c], v);
            }
            average[c] = sum / plane;
        }
        return new ResNet18OnnxPreprocessing(source, average, min, max, values, height, width);
    }
}
