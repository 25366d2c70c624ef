using WeClick.Models.Onnx;
using static TorchSharp.torch;

namespace WeClick.Models.Backbones;

/// <summary>
/// Maps the ONNX graph of a BasicBlock ResNet (the CNTK ResNet-18 export of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>)
/// to torchvision's state-dict names by walking it from its input: stem Conv → BatchNormalization → Relu → MaxPool, then
/// blocks of Conv → BN → Relu → Conv → BN → Add(shortcut) → Relu, whose shortcut is the block input or a 1×1 Conv → BN,
/// up to the final average pool. A block whose first convolution has stride 2 starts the next stage.
/// </summary>
/// <remarks>
/// Names follow the graph's wiring, never CNTK's opaque initializer names (<c>Parameter91</c>, <c>Constant98</c>), so a
/// re-export with other names maps the same. Anything else (another operator, a convolution bias, dilation, groups, a
/// BN epsilon other than torchvision's 1e-5, unexpected channels) fails with the node and what was found.
/// Stride-2 convolutions and the max-pool may pad asymmetrically, (3,3,2,2) on the stem and (1,1,0,0) on the 3×3s: on
/// even input sizes that reads exactly the pixels torchvision's symmetric padding reads (the extra row and column of
/// zeros is never reached), so the weights are torchvision's; on odd sizes torchvision's layout gives one more output row.
/// </remarks>
internal static class ResNet18OnnxGraph
{
    private static readonly long[] StageChannels = [64, 128, 256, 512];

    /// <summary>
    /// The graph's weights under torchvision's names (<c>conv1.weight</c>, <c>layer4.2.bn2.running_var</c>, ...), float32 on
    /// the CPU, with <c>num_batches_tracked</c> = 0 (ONNX has no such count; BatchNorm ignores it unless its momentum is
    /// None), in the graph's own input convention (<see cref="ResNet18OnnxPreprocessing"/>).
    /// </summary>
    /// <returns>The tensors (the caller disposes them), the number of blocks per stage, each name's ONNX initializer, and
    /// the graph value that ends each stage (<c>layer1</c> to <c>layer4</c>, for comparing intermediate outputs).</returns>
    /// <exception cref="OnnxFormatException">The graph is not a BasicBlock ResNet of four stages of 64, 128, 256 and 512 channels.</exception>
    public static (Dictionary<string, Tensor> State, int[] Blocks, Dictionary<string, string> Sources, string[] StageOutputs) Map(OnnxModel model)
    {
        var stageOutputs = new string[StageChannels.Length];
        var walk = new Walk(model);
        var input = model.Inputs.Where(i => !model.Initializers.ContainsKey(i.Name)).ToList();
        if (input.Count != 1)
        {
            throw walk.Fail($"expected one image input, found {input.Count} ({string.Join(", ", input.Select(i => i.Name))}).");
        }
        // Stem: 7×7 stride-2 convolution 3 → 64, BN, ReLU, 3×3 stride-2 max-pool.
        var x = walk.ConvBn(input[0].Name, "conv1", "bn1", 3, 64, 7, 2);
        x = walk.Single(walk.Single(x, "Relu").Outputs[0], "MaxPool").Let(pool => walk.CheckWindow(pool, 3, 2)).Outputs[0];

        var blocks = new List<int>();
        long channels = 64;
        while (walk.Consumers(x) is var next && !(next.Count == 1 && next[0].OpType is "AveragePool" or "GlobalAveragePool"))
        {
            var convs = next.Where(n => n.OpType == "Conv").ToList();
            var main = convs.FirstOrDefault(c => walk.KernelOf(c) == 3) ?? throw walk.Fail($"expected a block's 3×3 Conv after '{x}', found {string.Join(", ", next)}.");
            var stride = walk.StrideOf(main);
            if (stride is not (1 or 2) || (blocks.Count == 0 && stride != 1))
            {
                throw walk.Fail($"{main} has stride {stride}; layer1 has stride 1 and each later stage starts with stride 2.");
            }
            if (stride == 2 || blocks.Count == 0)
            {
                blocks.Add(0);
            }
            var stage = blocks.Count;
            if (stage > StageChannels.Length)
            {
                throw walk.Fail($"a fifth stride-2 stage starts at {main}; a ResNet has four.");
            }
            var planes = StageChannels[stage - 1];
            var prefix = $"layer{stage}.{blocks[^1]}.";
            blocks[^1]++;
            string shortcut = x;
            var downsample = convs.Where(c => c != main).ToList();
            if (downsample.Count > 1 || (downsample.Count == 1) != (stride != 1 || channels != planes))
            {
                throw walk.Fail($"the block at {main} ({prefix}) should have {(stride != 1 || channels != planes ? "one 1×1 downsample Conv" : "an identity shortcut")}, found {string.Join(", ", next)}.");
            }
            if (downsample.Count == 1)
            {
                shortcut = walk.ConvBn(x, prefix + "downsample.0", prefix + "downsample.1", channels, planes, 1, stride, downsample[0]);
            }
            var a = walk.ConvBn(x, prefix + "conv1", prefix + "bn1", channels, planes, 3, stride, main);
            var b = walk.ConvBn(walk.Single(a, "Relu").Outputs[0], prefix + "conv2", prefix + "bn2", planes, planes, 3, 1);
            var add = walk.Single(b, "Add");
            if (!add.Inputs.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(new[] { b, shortcut }.OrderBy(s => s, StringComparer.Ordinal)))
            {
                throw walk.Fail($"{add} ({prefix}) adds [{string.Join(", ", add.Inputs)}], expected the block's '{b}' and its shortcut '{shortcut}'.");
            }
            x = walk.Single(add.Outputs[0], "Relu").Outputs[0];
            stageOutputs[stage - 1] = x;
            channels = planes;
        }
        if (blocks.Count != 4 || blocks.Take(3).Any(n => n != 2) || blocks[3] < 2)
        {
            throw walk.Fail($"expected ResNet-18's stages of 2, 2, 2 and at least 2 BasicBlocks, found {string.Join(", ", blocks)}.");
        }
        if (!model.Outputs.Any(o => o.Name == walk.Consumers(x)[0].Outputs[0]))
        {
            throw walk.Fail($"the final {walk.Consumers(x)[0]} is not the graph's output.");
        }
        return (walk.State, [.. blocks], walk.Sources, stageOutputs);
    }

    private static T Let<T>(this T value, Action<T> check)
    {
        check(value);
        return value;
    }

    private sealed class Walk(OnnxModel model)
    {
        private readonly ILookup<string, OnnxNode> consumers = model.Nodes.SelectMany(n => n.Inputs.Distinct().Select(i => (i, n))).ToLookup(p => p.i, p => p.n);

        public Dictionary<string, Tensor> State { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

        public OnnxFormatException Fail(string message) =>
            new(model.Path, $"not the expected ResNet-18 graph ({model.Producer}, opset {model.Opset}): {message}");

        public List<OnnxNode> Consumers(string value) => [.. consumers[value]];

        public OnnxNode Single(string value, string opType)
        {
            var next = Consumers(value);
            if (next.Count != 1 || next[0].OpType != opType)
            {
                throw Fail($"expected one {opType} after '{value}', found [{string.Join(", ", next)}].");
            }
            return next[0];
        }

        public long KernelOf(OnnxNode conv) => conv.Ints("kernel_shape", []) is [var h, var w] && h == w ? h : -1;

        public long StrideOf(OnnxNode node) => node.Ints("strides", [1, 1]) is [var h, var w] && h == w ? h : throw Fail($"{node} has strides [{string.Join(", ", node.Ints("strides", []))}].");

        /// <summary>Checks kernel, stride and torchvision-compatible padding (begin k/2; end k/2, or k/2 − 1 at stride 2).</summary>
        public void CheckWindow(OnnxNode node, long kernel, long stride)
        {
            var half = kernel / 2;
            if (KernelOf(node) != kernel || StrideOf(node) != stride)
            {
                throw Fail($"{node} should be {kernel}×{kernel} with stride {stride}, found kernel [{string.Join(", ", node.Ints("kernel_shape", []))}] stride {StrideOf(node)}.");
            }
            var pads = node.Ints("pads", [0, 0, 0, 0]);
            var endOk = (long e) => e == half || (stride == 2 && half > 0 && e == half - 1);
            if (pads is not [var t, var l, var b, var r] || t != half || l != half || !endOk(b) || !endOk(r) || node.Attributes.ContainsKey("auto_pad") && node.Attributes["auto_pad"].Text is not (null or "NOTSET"))
            {
                throw Fail($"{node} pads [{string.Join(", ", pads)}]; torchvision's layout needs [{half}, {half}, {half}, {half}] (or ending {half - 1} at stride 2).");
            }
        }

        /// <summary>Maps Conv (no bias) → BatchNormalization starting at <paramref name="input"/>; returns the BN's output.</summary>
        public string ConvBn(string input, string convName, string bnName, long inChannels, long outChannels, long kernel, long stride, OnnxNode? conv = null)
        {
            conv ??= Single(input, "Conv");
            CheckWindow(conv, kernel, stride);
            if (conv.Int("group", 1) != 1 || conv.Ints("dilations", [1, 1]).Any(d => d != 1) || conv.Inputs.Count != 2)
            {
                throw Fail($"{conv} ({convName}) must have group 1, dilation 1 and no bias, as torchvision's convolutions; found group {conv.Int("group", 1)}, dilations [{string.Join(", ", conv.Ints("dilations", [1, 1]))}], {conv.Inputs.Count} inputs.");
            }
            Add(convName + ".weight", conv, conv.Inputs[1], [outChannels, inChannels, kernel, kernel]);
            var bn = Single(conv.Outputs[0], "BatchNormalization");
            var epsilon = bn.Float("epsilon", 1e-5f);
            if (Math.Abs(epsilon - 1e-5) > 1e-9 || bn.Int("spatial", 1) != 1 || bn.Inputs.Count != 5)
            {
                throw Fail($"{bn} ({bnName}) must be spatial with epsilon 1e-5 (torchvision's) and 5 inputs; found epsilon {epsilon}, spatial {bn.Int("spatial", 1)}, {bn.Inputs.Count} inputs.");
            }
            string[] parts = ["weight", "bias", "running_mean", "running_var"];
            for (var i = 0; i < parts.Length; i++)
            {
                Add($"{bnName}.{parts[i]}", bn, bn.Inputs[i + 1], [outChannels]);
            }
            State[bnName + ".num_batches_tracked"] = tensor(0L);
            return bn.Outputs[0];
        }

        private void Add(string name, OnnxNode node, string initializer, long[] shape)
        {
            var t = model.FloatInitializer(node, initializer);
            if (!t.Dims.SequenceEqual(shape))
            {
                throw Fail($"{name} (initializer '{initializer}' of {node}) should be [{string.Join(", ", shape)}], found {t.Shape}.");
            }
            State[name] = tensor(t.Values!, shape);
            Sources[name] = initializer;
        }
    }
}
