using WeClick.Engine;
using WeClick.Models;
using WeClick.Models.Heads;

namespace WeClick.Core.Tests.Models.Heads;

/// <summary>
/// The heads against their PyTorch twins (Reference/heads.py): the same randomised weights and BN statistics, the same
/// random low/aux/high features; eval logits, training logits (batch statistics, dropout 0), auxiliary logits, every
/// parameter's gradient of logits.sum() (+ aux.sum()) and the updated running statistics.
/// </summary>
/// <remarks>Measured with our old libtorch 1.13 binding (same thread count): every compared tensor identical to the bit; the
/// tolerances leave room for other thread counts and, now, TorchSharp's libtorch 2.10 against python3-torch 1.13 (they pass
/// unchanged; on AMD CPUs they need TorchEngine.ApplyOneDnnWorkaround, which the test assembly applies). Swapping the decoder's concatenation order or PPM's align_corners fails all three.</remarks>
public sealed class HeadParityTests
{
    /// <summary>The C# side of heads.py's CONFIGS (same arguments).</summary>
    private static SegmentationHead Build(string config) => config switch
    {
        "deeplab-os16" => new DeepLabV3PlusHead(8, 12, 5, outputStride: 16, asppChannels: 16, lowLevelChannels: 6),
        "deeplab-os8" => new DeepLabV3PlusHead(8, 12, 5, outputStride: 8, asppChannels: 16, lowLevelChannels: 6),
        "psp" => new PspHead(16, 8, 5, headChannels: 12, auxiliary: true, dropout: 0),
        _ => throw new ArgumentException($"unknown config '{config}'", nameof(config)),
    };

    [Theory]
    [InlineData("deeplab-os16")]
    [InlineData("deeplab-os8")]
    [InlineData("psp")]
    public void Head_MatchesPyTorch(string config)
    {
        var reference = PyTorchReference.Generate("heads.py", config);
        try
        {
            using var scope = NewDisposeScope();
            using var head = Build(config);
            const string prefix = "param.";
            var weights = reference.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(e => e.Key[prefix.Length..], e => e.Value);
            head.LoadStateDictStrict(weights, $"heads.py {config}");
            var features = new BackboneFeatures(reference["low"], reference["aux"], reference["high"]);

            // 1. Eval: running statistics.
            head.eval();
            using (no_grad())
            {
                var eval = head.call(features);
                TensorAssert.Close(reference["eval.logits"], eval.Logits, rtol: 1e-4, atol: 1e-5);
                Assert.Null(eval.Auxiliary);
            }

            // 2. Training: batch statistics, the auxiliary output, gradients, updated running statistics.
            head.train();
            var output = head.call(features);
            TensorAssert.Close(reference["train.logits"], output.Logits, rtol: 1e-4, atol: 1e-5);
            var loss = output.Logits.sum();
            if (reference.TryGetValue("train.aux", out var aux))
            {
                Assert.NotNull(output.Auxiliary);
                TensorAssert.Close(aux, output.Auxiliary, rtol: 1e-4, atol: 1e-5);
                loss = loss + output.Auxiliary.sum();
            }
            else
            {
                Assert.Null(output.Auxiliary);
            }
            loss.backward();
            foreach (var (name, p) in head.named_parameters())
            {
                using var grad = p.grad;
                Assert.NotNull(grad);
                TensorAssert.Close(reference[$"grad.{name}"], grad, rtol: 1e-3, atol: 1e-4);
            }
            foreach (var (name, t) in head.state_dict().Where(e => e.Key.Contains("running", StringComparison.Ordinal)))
            {
                TensorAssert.Close(reference[$"after.{name}"], t, rtol: 1e-5, atol: 1e-6);
            }
        }
        finally
        {
            foreach (var t in reference.Values)
            {
                t.Dispose();
            }
        }
    }
}
