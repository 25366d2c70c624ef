using WeClick.Torch.Modules;

namespace WeClick.Torch.Tests;

public class ModuleTests
{
    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("modules.py"));

    private static Dictionary<string, Tensor> Ref => s_reference.Value;

    private static Dictionary<string, Tensor> WithPrefix(string prefix) =>
        Ref.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(e => e.Key[prefix.Length..], e => e.Value);

    [Fact]
    public void StateDict_NamesShapesAndDtypesMatchPyTorch()
    {
        using var scope = NewDisposeScope();
        using var net = new Net();
        var expected = WithPrefix("net.init.");
        var actual = net.state_dict();
        Assert.Equal(expected.Keys.ToArray(), actual.Keys.ToArray());
        foreach (var (name, tensor) in actual)
        {
            Assert.Equal(expected[name].shape, tensor.shape);
            Assert.Equal(expected[name].dtype, tensor.dtype);
        }
    }

    [Fact]
    public void NamedParametersAndBuffers_FollowPyTorchOrder()
    {
        using var net = new Net();
        string[] bufferNames = ["running_mean", "running_var", "num_batches_tracked"];
        bool IsBuffer(string key) => bufferNames.Any(b => key.EndsWith("." + b, StringComparison.Ordinal));
        var keys = WithPrefix("net.init.").Keys.ToArray();
        Assert.Equal(keys.Where(k => !IsBuffer(k)), net.named_parameters().Select(e => e.name));
        Assert.Equal(keys.Where(IsBuffer), net.named_buffers().Select(e => e.name));
        Assert.Equal(["fc.weight", "fc.bias"], net.fc.named_parameters().Select(e => $"fc.{e.name}"));
        Assert.Equal(["", "features", "features.0", "features.1", "features.2", "features.3", "features.4", "features.5",
            "block", "block.conv", "block.bn", "block.act", "heads", "heads.0", "heads.1", "fc"], net.named_modules().Select(e => e.name));
        Assert.Equal(["features", "block", "heads", "fc"], net.named_children().Select(e => e.name));
        Assert.Empty(net.named_parameters(recurse: false));
    }

    [Fact]
    public void SameSeed_GivesPyTorchInitialWeights()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var net = new Net();
        var expected = WithPrefix("net.init.");
        foreach (var (name, tensor) in net.state_dict())
        {
            TensorAssert.Equal(expected[name], tensor);
        }
    }

    [Fact]
    public void LoadedWeights_GiveIdenticalForwardInTrainAndEval()
    {
        using var scope = NewDisposeScope();
        manual_seed(123);
        using var net = new Net();
        net.load_state_dict(WithPrefix("net.init."));
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
    public void LoadStateDict_ThrowsWithEveryProblemNamedAndCopiesNothing()
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
        var e = Assert.Throws<StateDictException>(() => net.load_state_dict(dict));
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
    public void LoadStateDict_NonStrictCopiesMatchesAndReturnsKeys()
    {
        using var scope = NewDisposeScope();
        using var net = new Net();
        var dict = WithPrefix("net.init.");
        dict.Remove("fc.bias");
        dict["extra"] = ones(1);
        dict["fc.weight"] = dict["fc.weight"].to(float64);
        var result = net.load_state_dict(dict, strict: false);
        Assert.Equal(["fc.bias"], result.missing_keys);
        Assert.Equal(["extra"], result.unexpected_keys);
        TensorAssert.Close(Ref["net.init.fc.weight"], net.fc.weight, rtol: 0, atol: 0);
        Assert.Equal(ScalarType.Float32, net.fc.weight.dtype);
    }

    [Fact]
    public void LoadStateDict_NonStrictStillThrowsForShapeMismatch()
    {
        using var scope = NewDisposeScope();
        using var net = nn.Linear(2, 3);
        var e = Assert.Throws<StateDictException>(() => net.load_state_dict(new Dictionary<string, Tensor> { ["weight"] = zeros(3, 3) }, strict: false));
        Assert.Contains("size mismatch for weight", e.Message);
    }

    [Fact]
    public void ToFloat64_ConvertsFloatingTensorsKeepsCountersAndValues()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var net = new Net().to(float64);
        TensorAssert.Close(Ref["net.init.block.conv.weight"], net.state_dict()["block.conv.weight"], rtol: 0, atol: 0);
        Assert.All(net.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        Assert.All(net.parameters(), p => Assert.True(p.requires_grad));
        Assert.Equal(ScalarType.Int64, net.state_dict()["features.1.num_batches_tracked"].dtype);
        Assert.Equal(ScalarType.Float64, net.state_dict()["features.1.running_var"].dtype);
        // Non-strict loading converts the float32 checkpoint (with the statistics after one training batch).
        net.load_state_dict(WithPrefix("net.after_train."), strict: false);
        // The fields registered by RegisterComponents now hold the converted modules' tensors: forward runs in float64.
        net.eval();
        var y = net.call(Ref["net.x"].to(float64));
        Assert.Equal(ScalarType.Float64, y.dtype);
        TensorAssert.Close(Ref["net.eval_out"], y, rtol: 1e-4, atol: 1e-5);
    }

    [Fact]
    public void To_ReplacesParameterFieldsAndDisposesTheOldOnes()
    {
        using var scope = NewDisposeScope();
        using var m = new WithFields();
        var old = m.Weight;
        m.to(float64);
        Assert.True(old.IsDisposed);
        Assert.Same(m.get_parameter("weight"), m.Weight);
        Assert.Same(m.get_buffer("scale"), m.Scale);
        Assert.Equal(ScalarType.Float64, m.Weight.dtype);
        Assert.Equal(new[] { "weight", "scale" }, m.state_dict().Keys.ToArray());
    }

    [Fact]
    public void To_ThrowsForIntegerDtype()
    {
        using var net = nn.Linear(2, 2);
        var e = Assert.Throws<ArgumentException>(() => net.to(int64));
        Assert.Contains("only accepts floating point dtypes, but got desired dtype=int64", e.Message);
    }

    [Fact]
    public void ParameterCount_CountsElementsAndTrainableOnes()
    {
        using var net = new Net();
        Assert.Equal(Ref["net.parameter_count"].item<long>(), net.parameter_count());
        net.Features.requires_grad_(false);
        var features = 4 * 3 * 9 + 4 + 4 + 4 + 6 * 4 * 9 + 6 + 6;
        Assert.Equal(Ref["net.parameter_count"].item<long>() - features, net.parameter_count(trainable_only: true));
    }

    [Fact]
    public void ZeroGrad_ClearsOrZeroesGradients()
    {
        using var scope = NewDisposeScope();
        using var lin = nn.Linear(3, 2);
        lin.call(ones(4, 3)).sum().backward();
        Assert.NotNull(lin.weight.grad);
        lin.zero_grad(set_to_none: false);
        TensorAssert.Values(new double[6], lin.weight.grad!);
        lin.call(ones(4, 3)).sum().backward();
        TensorAssert.Values([4, 4], lin.bias!.grad!);
        lin.zero_grad();
        Assert.Null(lin.weight.grad);
        Assert.Null(lin.bias.grad);
    }

    [Fact]
    public void TrainEval_ToggleDropoutAndBatchNorm()
    {
        using var scope = NewDisposeScope();
        using var seq = nn.Sequential(nn.Dropout(0.5), nn.BatchNorm2d(2));
        var x = ones(4, 2, 3, 3);
        Assert.True(seq.training);
        manual_seed(0);
        var dropped = seq[0].call(x).ToArray<float>();
        Assert.Equal([0f, 2f], dropped.Distinct().Order());
        seq.call(x);
        seq.eval();
        Assert.False(seq[0].training);
        Assert.False(seq[1].training);
        // Eval: dropout is the identity and BN uses running stats (mean 0.1·mean_batch, var 0.9 + 0.1·var_batch).
        var bn = (BatchNorm2d)seq[1];
        var expected = (x - bn.running_mean!.reshape(1, 2, 1, 1)) / (bn.running_var!.reshape(1, 2, 1, 1) + 1e-5).sqrt();
        TensorAssert.Close(expected, seq.call(x));
        seq.train();
        Assert.True(seq[1].training);
    }

    [Fact]
    public void Apply_VisitsChildrenFirst()
    {
        using var net = nn.Sequential(nn.Linear(1, 1), nn.Sequential(nn.ReLU()));
        var visited = new List<string>();
        net.apply(m => visited.Add(m.GetName()));
        Assert.Equal(["Linear", "ReLU", "Sequential", "Sequential"], visited);
    }

    [Fact]
    public void Dispose_ReleasesParametersAndBuffersOfChildren()
    {
        var net = new Net();
        var tensors = net.parameters().Concat(net.buffers()).ToArray();
        net.Dispose();
        Assert.All(tensors, t => Assert.True(t.IsDisposed));
    }

    [Fact]
    public void Register_ThrowsForBadOrClashingNames()
    {
        using var m = new WithFields();
        using var scope = NewDisposeScope();
        Assert.Contains("can't contain '.'", Assert.Throws<ArgumentException>(() => m.register_parameter("a.b", null)).Message);
        Assert.Contains("already has a component named 'weight' that is not a buffer",
            Assert.Throws<ArgumentException>(() => m.register_buffer("weight", zeros(1))).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => m.register_module("", null)).Message);
    }

    [Fact]
    public void Parameter_SharesStorageLeavesScopeAndRequiresGrad()
    {
        Parameter p;
        var data = zeros(3);
        using (NewDisposeScope())
        {
            p = nn.Parameter(data);
        }
        Assert.False(p.IsDisposed);
        Assert.True(p.requires_grad);
        Assert.True(p.is_leaf);
        data.add_(2);
        TensorAssert.Values([2, 2, 2], p);
        p.Dispose();
        data.Dispose();
    }

    [Fact]
    public void NonPersistentBuffer_IsABufferButNotInStateDict()
    {
        using var scope = NewDisposeScope();
        using var m = new WithFields();
        m.register_buffer("cache", zeros(2), persistent: false);
        Assert.Contains("cache", m.named_buffers().Select(e => e.name));
        Assert.DoesNotContain("cache", m.state_dict().Keys);
    }

    private sealed class WithFields : nn.Module
    {
        private Parameter _weight = nn.Parameter(ones(2));
        private Tensor scale = full([1], 3.0);

        public WithFields() => RegisterComponents();

        public Parameter Weight => _weight;
        public Tensor Scale => scale;
    }
}
