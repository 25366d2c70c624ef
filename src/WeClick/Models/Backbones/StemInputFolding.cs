using WeClick.Data;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// Folds an input convention into the stem: weights trained on <c>y[j] = 255·rgb[src[j]] − M[j]</c> (the ONNX graph's
/// BGR 0–255 minus a per-channel mean) are rewritten to take our pipeline's input
/// <c>x[c] = (rgb[c] − m[c]) / s[c]</c> (<see cref="ImageNormalization.ImageNet"/>, rgb in [0, 1]) and give the same
/// stem output, so the imported backbone works with <see cref="Data.Clip.ToTensor"/> unchanged.
/// </summary>
/// <remarks>
/// <para>With <c>rgb[c] = s[c]·x[c] + m[c]</c>, <c>y[j] = 255·s[src[j]]·x[src[j]] + (255·m[src[j]] − M[j])</c>, so for the
/// bias-free stem convolution W: <c>W'[o, c] = 255·s[c]·W[o, j]</c> where <c>src[j] = c</c>, and a constant
/// <c>δ[o] = Σ_{j,k} W[o, j, k]·(255·m[src[j]] − M[j])</c> is added to every output. The BatchNorm after it absorbs δ
/// exactly: <c>BN(z + δ)</c> with running mean μ is <c>BN(z)</c> with running mean μ − δ (eval mode; in training mode
/// batch statistics replace μ and δ cancels too). Computed in float64, stored as float32.</para>
/// <para>The border. δ assumes all 7×7 taps see image pixels. At the border our convolution pads x = 0, which is the
/// pixel value m (the ImageNet mean), while the original pads y = 0, the pixel value M/255. With M the mean image's
/// channel averages (103.06, 115.90, 123.15 for B, G, R) against 255·m = (103.53, 116.28, 123.68), the padded pixels
/// differ by under 0.6 grey levels. So the stem outputs whose 7×7 window overlaps the padding (the first two and the last
/// one or two rows and columns) differ slightly, and deeper layers carry that inward: measured 1.3e-3 of the stem's
/// output scale and 2.9e-4 of the pooled features' scale at 224×224 (<c>StemInputFoldingTests</c>,
/// <c>ResNet18OnnxImportTests</c>). Interior stem outputs are equal up to float rounding (5e-7). The original's spatial
/// mean image (<see cref="ResNet18OnnxPreprocessing"/>) is replaced by its channel averages, which moves the pooled
/// features by 1.6e-2 of their scale (cosine 0.9998) on the test's image.</para>
/// </remarks>
internal static class StemInputFolding
{
    /// <summary>Rewrites <c>conv1.weight</c> and <c>bn1.running_mean</c> of <paramref name="state"/> in place (old tensors disposed).</summary>
    /// <param name="state">torchvision-named weights in the graph's convention.</param>
    /// <param name="sourceChannel">For each graph input channel j, the RGB channel it is taken from.</param>
    /// <param name="graphMean">M[j], the mean subtracted from graph channel j, in 0–255 units.</param>
    /// <param name="normalization">Our input normalisation (mean and std per RGB channel, [0, 1] units).</param>
    /// <returns>δ, the constant each stem output channel had to lose, for the record.</returns>
    public static double[] Fold(Dictionary<string, Tensor> state, IReadOnlyList<int> sourceChannel, IReadOnlyList<double> graphMean, ImageNormalization normalization)
    {
        using var scope = NewDisposeScope();
        var weight = state["conv1.weight"].to(ScalarType.Float64);     // [64, 3, 7, 7], graph channel order
        var runningMean = state["bn1.running_mean"].to(ScalarType.Float64);
        var scale = new double[3];
        var shift = new double[3];
        var order = new long[3];
        for (var j = 0; j < 3; j++)
        {
            var c = sourceChannel[j];
            order[c] = j;
            scale[c] = 255.0 * normalization.Std[c];
            shift[j] = 255.0 * normalization.Mean[c] - graphMean[j];
        }
        // δ[o] = Σ_j (Σ_k W[o, j, k]) · shift[j]
        var delta = weight.sum([2, 3]).mul(tensor(shift).unsqueeze(0)).sum(1);                         // [64]
        var folded = weight.index_select(1, tensor(order)).mul(tensor(scale).view(1, 3, 1, 1));       // [64, 3, 7, 7], RGB order
        Replace(state, "conv1.weight", folded.to(ScalarType.Float32).contiguous());
        Replace(state, "bn1.running_mean", runningMean.sub(delta).to(ScalarType.Float32));
        return delta.data<double>().ToArray();
    }

    private static void Replace(Dictionary<string, Tensor> state, string name, Tensor value)
    {
        state[name].Dispose();
        state[name] = value.MoveToOuterDisposeScope();
    }
}
