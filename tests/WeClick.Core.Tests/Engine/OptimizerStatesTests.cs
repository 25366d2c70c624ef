using System.Text.Json;
using TorchSharp.Modules;
using WeClick.Engine;
using WeClick.Serialization;

namespace WeClick.Core.Tests.Engine;

/// <summary>
/// Optimiser state capture and restore (<see cref="OptimizerStates"/>): a run interrupted after 10 steps, saved to a
/// safetensors file and resumed in fresh objects, ends bit for bit where an uninterrupted 20-step run ends, and that run
/// matches PyTorch (Reference/optimizer_state.py).
/// </summary>
public sealed class OptimizerStatesTests : IDisposable
{
    private const int Steps = 20;

    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("optimizer_state.py"));

    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-optim-").FullName;

    private static Dictionary<string, Tensor> Ref => s_reference.Value;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The MLP of optimizer_state.py: the same seed gives the same initial weights (TorchSharp's Linear init is PyTorch's).</summary>
    private static Sequential Model(long seed = 0)
    {
        manual_seed(seed);
        return nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)).to(float64);
    }

    private static optim.Optimizer Make(string name, Sequential m, double? lr = null) => name switch
    {
        "sgd_momentum" => optim.SGD(m.parameters(), lr ?? 0.1, momentum: 0.9, dampening: 0.1, weight_decay: 1e-2),
        "adam" => optim.Adam(m.parameters(), lr ?? 0.01, beta1: 0.8, beta2: 0.99, weight_decay: 1e-2),
        "adam_amsgrad" => optim.Adam(m.parameters(), lr ?? 0.01, amsgrad: true),
        "adamw" => optim.AdamW(m.parameters(), lr ?? 0.01, weight_decay: 0.1),
        _ => throw new ArgumentException(name),
    };

    private static void Train(Sequential net, optim.Optimizer optimizer, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var y = net.call(Ref["x"]);
            var loss = ((y - Ref["t"]) * (y - Ref["t"])).sum() / y.shape[0];
            loss.backward();
            optimizer.step();
        }
    }

    /// <summary>Weights and optimiser state in one safetensors file, the groups as JSON metadata (as TrainingCheckpoint does).</summary>
    private void Save(string path, Sequential net, optim.Optimizer optimizer)
    {
        using var scope = NewDisposeScope();
        var snapshot = optimizer.CaptureState();
        var tensors = net.state_dict().ToDictionary(e => "model." + e.Key, e => e.Value);
        foreach (var (key, value) in snapshot.State)
        {
            tensors["optimizer." + key] = value;
        }
        Safetensors.Save(tensors, path, new Dictionary<string, string> { ["groups"] = JsonSerializer.Serialize(snapshot.Groups) });
    }

    private static void Restore(string path, Sequential net, optim.Optimizer optimizer)
    {
        using var file = Safetensors.Load(path);
        var groups = JsonSerializer.Deserialize<List<OptimizerGroupState>>(file.Metadata["groups"])!;
        net.LoadStateDictStrict(Strip(file.Tensors, "model."), path);
        optimizer.RestoreState(new OptimizerSnapshot(Strip(file.Tensors, "optimizer."), groups));
    }

    private static Dictionary<string, Tensor> Strip(IReadOnlyDictionary<string, Tensor> tensors, string prefix) =>
        tensors.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(e => e.Key[prefix.Length..], e => e.Value);

    public static TheoryData<string> Optimizers => ["sgd_momentum", "adam", "adam_amsgrad", "adamw"];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void ResumedRun_EndsWhereAnUninterruptedRunEnds(string name)
    {
        using var straight = Model();
        using var straightOptimizer = Make(name, straight);
        Train(straight, straightOptimizer, Steps);
        // The uninterrupted run is PyTorch's (so the state being restored is the real thing).
        foreach (var (key, value) in straight.state_dict())
        {
            TensorAssert.Close(Ref[$"{name}.{key}"], value, rtol: 0, atol: 1e-12);
        }

        var path = Path.Combine(_folder, "half.safetensors");
        using (var first = Model())
        using (var firstOptimizer = Make(name, first))
        {
            Train(first, firstOptimizer, Steps / 2);
            Save(path, first, firstOptimizer);
        }
        // A new process, in effect: other initial weights, another learning rate, both overwritten by the file.
        using var resumed = Model(seed: 99);
        using var resumedOptimizer = Make(name, resumed, lr: 0.5);
        Restore(path, resumed, resumedOptimizer);
        Train(resumed, resumedOptimizer, Steps / 2);

        var expected = straight.state_dict();
        foreach (var (key, value) in resumed.state_dict())
        {
            TensorAssert.Equal(expected[key], value);
        }
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void ResumedRunWithoutOptimizerState_Diverges(string name)
    {
        // The counter-test: weights alone are not enough (momentum, moments and step count matter).
        using var straight = Model();
        using var straightOptimizer = Make(name, straight);
        Train(straight, straightOptimizer, Steps);
        using var resumed = Model();
        using var first = Make(name, resumed);
        Train(resumed, first, Steps / 2);
        using var fresh = Make(name, resumed);
        Train(resumed, fresh, Steps / 2);
        var difference = straight.state_dict().Sum(e => (e.Value - resumed.state_dict()[e.Key]).abs().max().item<double>());
        Assert.True(difference > 1e-6, $"without the optimiser state the weights differ by {difference}");
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void CaptureState_MatchesPyTorchsOptimizerState(string name)
    {
        using var scope = NewDisposeScope();
        using var net = Model();
        using var optimizer = Make(name, net);
        Train(net, optimizer, Steps);
        var snapshot = optimizer.CaptureState();
        var expected = Ref.Where(e => e.Key.StartsWith($"{name}.state.", StringComparison.Ordinal))
            .ToDictionary(e => e.Key[(name.Length + 1)..], e => e.Value);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), snapshot.State.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in snapshot.State)
        {
            TensorAssert.Close(expected[key], value, rtol: 0, atol: 1e-12);
        }
    }

    [Fact]
    public void CaptureState_NamesTensorsAndOptionsAsPyTorch()
    {
        using var scope = NewDisposeScope();
        using var net = Model();
        using var adam = Make("adam", net);
        Assert.Empty(adam.CaptureState().State); // PyTorch creates state at the first step
        Train(net, adam, 10);
        var state = adam.CaptureState();
        Assert.Equal(["state.0.step", "state.0.exp_avg", "state.0.exp_avg_sq"], state.State.Keys.Take(3));
        Assert.Equal(10f, state.State["state.3.step"].item<float>());
        Assert.Equal(ScalarType.Float32, state.State["state.3.step"].dtype);
        var group = Assert.Single(state.Groups);
        Assert.Equal("Adam", group.Optimizer);
        Assert.Equal(0.8, group.Options["beta1"]);
        Assert.Equal(0.0, group.Options["amsgrad"]);
        Assert.Equal([0, 1, 2, 3], group.Params);

        using var sgd = Make("sgd_momentum", net);
        Train(net, sgd, 3);
        var sgdState = sgd.CaptureState();
        Assert.Equal(["state.0.momentum_buffer", "state.1.momentum_buffer", "state.2.momentum_buffer", "state.3.momentum_buffer"], sgdState.State.Keys);
        Assert.Equal(0.1, sgdState.Groups[0].Options["dampening"]);
        Assert.Equal(0.0, sgdState.Groups[0].Options["nesterov"]);
        Assert.Equal(0.1, sgdState.Groups[0].Options["lr"]);
        Assert.Contains("\"optimizer\":\"SGD\"", JsonSerializer.Serialize(sgdState.Groups[0]));
    }

    [Fact]
    public void RestoreState_OfAnEmptySnapshotResetsMomentum()
    {
        using var scope = NewDisposeScope();
        using var net = Model();
        using var optimizer = Make("sgd_momentum", net);
        var empty = optimizer.CaptureState();
        Train(net, optimizer, 3);
        Assert.NotEmpty(optimizer.CaptureState().State);
        optimizer.RestoreState(empty);
        Assert.Empty(optimizer.CaptureState().State);
    }

    [Fact]
    public void RestoreState_ThrowsForAnotherOptimizerOrOtherGroups()
    {
        using var scope = NewDisposeScope();
        using var net = Model();
        using var sgd = Make("sgd_momentum", net);
        using var adam = Make("adam", net);
        Train(net, sgd, 1);
        Train(net, adam, 1);
        Assert.Contains("SGD's; this optimiser is Adam", Assert.Throws<ArgumentException>(() => adam.RestoreState(sgd.CaptureState())).Message);
        using var groups = optim.SGD([new SGD.ParamGroup(((nn.Module)net[0]).parameters(), lr: 0.01), new SGD.ParamGroup(((nn.Module)net[2]).parameters(), lr: 0.1)], 0.1);
        Assert.Contains("parameter group(s)", Assert.Throws<ArgumentException>(() => sgd.RestoreState(groups.CaptureState())).Message);
    }

    [Fact]
    public void RestoreState_ThrowsForMalformedTensorsAndChangesNothing()
    {
        using var scope = NewDisposeScope();
        using var net = Model();
        using var sgd = Make("sgd_momentum", net);
        Train(net, sgd, 2);
        var good = sgd.CaptureState();
        var before = good.State["state.0.momentum_buffer"].clone();
        var misShaped = new Dictionary<string, Tensor>(good.State) { ["state.0.momentum_buffer"] = zeros([2, 2], float64) };
        var e = Assert.Throws<ArgumentException>(() => sgd.RestoreState(good with { State = misShaped }));
        Assert.Contains("'state.0.momentum_buffer' has shape [2, 2], parameter 0 needs [3, 4]", e.Message);
        var unknown = new Dictionary<string, Tensor>(good.State) { ["state.1.exp_avg"] = zeros(3) };
        Assert.Contains("SGD has no state 'exp_avg'", Assert.Throws<ArgumentException>(() => sgd.RestoreState(good with { State = unknown })).Message);
        var outOfRange = new Dictionary<string, Tensor>(good.State) { ["state.9.momentum_buffer"] = zeros(3) };
        Assert.Contains("for 4 parameters", Assert.Throws<ArgumentException>(() => sgd.RestoreState(good with { State = outOfRange })).Message);
        TensorAssert.Equal(before, sgd.CaptureState().State["state.0.momentum_buffer"]);
    }

    [Fact]
    public void CaptureState_ThrowsForAnUnsupportedOptimizer()
    {
        using var net = Model();
        using var rmsprop = optim.RMSProp(net.parameters());
        Assert.Contains("RMSProp", Assert.Throws<NotSupportedException>(() => rmsprop.CaptureState()).Message);
    }
}
