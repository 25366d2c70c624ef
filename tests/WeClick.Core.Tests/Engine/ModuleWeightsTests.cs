using WeClick.Engine;

namespace WeClick.Core.Tests.Engine;

/// <summary>State-dict names as PyTorch's, and <see cref="ModuleWeights.LoadStateDictStrict"/> (Reference/module_state.py).</summary>
public class ModuleWeightsTests
{
    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("module_state.py"));

    private static Dictionary<string, Tensor> Ref => s_reference.Value;

    private static Dictionary<string, Tensor> WithPrefix(string prefix) =>
        Ref.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(e => e.Key[prefix.Length..], e => e.Value);

    [Fact]
    public void OrderedStateDict_NamesShapesDtypesAndOrderMatchPyTorch()
    {
        using var net = new Net();
        var expected = WithPrefix("net.init.");
        var actual = net.OrderedStateDict();
        Assert.Equal(expected.Keys.ToArray(), actual.Keys.ToArray());
        // TorchSharp's own state_dict() has the same entries (every parameter first, then the buffers).
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), net.state_dict().Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in actual)
        {
            Assert.Equal(expected[name].shape, tensor.shape);
            Assert.Equal(expected[name].dtype, tensor.dtype);
        }
    }

    [Fact]
    public void LoadStateDictStrict_LoadedWeightsGiveIdenticalForwardInTrainAndEval()
    {
        using var scope = NewDisposeScope();
        manual_seed(123);
        using var net = new Net();
        net.LoadStateDictStrict(WithPrefix("net.init."), "Net from module_state.py");
        net.train();
        TensorAssert.Close(Ref["net.train_out"], net.call(Ref["net.x"]), rtol: 1e-5, atol: 1e-6);
        var after = WithPrefix("net.after_train.");
        foreach (var (name, tensor) in net.state_dict())
        {
            TensorAssert.Close(after[name], tensor, rtol: 1e-5, atol: 1e-7);
        }
        Assert.Equal(1L, net.state_dict()["block.bn.num_batches_tracked"].item<long>());
        net.eval();
        TensorAssert.Close(Ref["net.eval_out"], net.call(Ref["net.x"]), rtol: 1e-5, atol: 1e-6);
    }

    [Fact]
    public void LoadStateDictStrict_ThrowsWithEveryProblemNamedAndCopiesNothing()
    {
        using var scope = NewDisposeScope();
        using var net = new Net();
        var dict = WithPrefix("net.init.");
        dict.Remove("fc.bias");
        dict.Remove("block.bn.running_var");
        dict["extra.weight"] = zeros(2);
        dict["fc.weight"] = zeros(4, 54);
        dict["features.0.bias"] = zeros([4], float64);
        var before = net.state_dict()["block.conv.weight"].clone();
        var e = Assert.Throws<StateDictException>(() => net.LoadStateDictStrict(dict, "Net from a test dict"));
        Assert.StartsWith("Error(s) in loading state_dict for Net from a test dict:", e.Message);
        Assert.Contains("Missing key(s) in state_dict: \"block.bn.running_var\", \"fc.bias\".", e.Message);
        Assert.Contains("Unexpected key(s) in state_dict: \"extra.weight\".", e.Message);
        Assert.Contains("size mismatch for fc.weight: copying a param with shape [4, 54] from checkpoint, the shape in current model is [5, 54].", e.Message);
        Assert.Contains("dtype mismatch for features.0.bias: the checkpoint has float64, the current model has float32.", e.Message);
        Assert.Equal(["block.bn.running_var", "fc.bias"], e.MissingKeys);
        Assert.Equal(["extra.weight"], e.UnexpectedKeys);
        Assert.Equal(2, e.Mismatches.Count);
        TensorAssert.Equal(before, net.state_dict()["block.conv.weight"]);
    }

    [Fact]
    public void SaveWeights_KeepsPersistentAndLeavesOutNonPersistentBuffers()
    {
        using var scope = NewDisposeScope();
        using var m = nn.Linear(2, 3);
        m.register_buffer("kept", ones(2));
        m.register_buffer("cache", zeros(2), persistent: false);
        var path = Path.Combine(Path.GetTempPath(), $"weclick-np-{Guid.NewGuid():N}.safetensors");
        try
        {
            m.SaveWeights(path);
            Assert.Equal(["bias", "kept", "weight"], WeClick.Serialization.Safetensors.ReadHeader(path).Names.Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
