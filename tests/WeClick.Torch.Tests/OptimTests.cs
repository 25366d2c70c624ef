using WeClick.Torch.Modules;
using WeClick.Torch.Optim;

namespace WeClick.Torch.Tests;

public class OptimTests
{
    private const int Steps = 20;

    private static readonly Lazy<Dictionary<string, Tensor>> s_reference = new(() => PyTorchReference.Generate("optim.py"));

    private static Dictionary<string, Tensor> Ref => s_reference.Value;

    /// <summary>The MLP of optim.py, same seed (so same initial weights), converted to <paramref name="dtype"/>.</summary>
    private static Sequential Model(ScalarType dtype)
    {
        manual_seed(0);
        return nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)).to(dtype);
    }

    private static void Train(Sequential net, Optimizer optimizer, int steps)
    {
        var dtype = net.parameters().First().dtype;
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            var x = Ref["x"].to(dtype);
            var t = Ref["t"].to(dtype);
            optimizer.zero_grad();
            var y = net.call(x);
            var loss = ((y - t) * (y - t)).sum() / y.shape[0];
            loss.backward();
            optimizer.step();
        }
    }

    private static void AssertMatches(string name, Sequential net, double atol)
    {
        using var scope = NewDisposeScope();
        foreach (var (key, value) in net.state_dict())
        {
            TensorAssert.Close(Ref[$"{name}.{key}"], value, rtol: 0, atol: atol);
        }
    }

    public static TheoryData<string> Float64Cases => ["sgd", "sgd_momentum", "sgd_nesterov", "sgd_maximize", "adam", "adamw", "groups"];

    private static Optimizer Make(string name, Sequential m) => name switch
    {
        "sgd" => optim.SGD(m.parameters(), lr: 0.1),
        "sgd_momentum" => optim.SGD(m.parameters(), lr: 0.1, momentum: 0.9, dampening: 0.1, weight_decay: 1e-2),
        "sgd_nesterov" => optim.SGD(m.parameters(), lr: 0.05, momentum: 0.9, nesterov: true, weight_decay: 1e-3),
        "sgd_maximize" => optim.SGD(m.parameters(), lr: 0.01, momentum: 0.5, maximize: true),
        "adam" => optim.Adam(m.parameters(), lr: 0.01, betas: (0.8, 0.99), weight_decay: 1e-2),
        "adamw" => optim.AdamW(m.parameters(), lr: 0.01, weight_decay: 0.1),
        "groups" => optim.SGD([new ParamGroup(m[0].parameters(), lr: 0.01), new ParamGroup(m[2].parameters(), momentum: 0.0)], lr: 0.1, momentum: 0.9),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Float64Cases))]
    public void Optimizer_TwentyStepsMatchPyTorch(string name)
    {
        using var net = Model(float64);
        using var optimizer = Make(name, net);
        Train(net, optimizer, Steps);
        AssertMatches(name, net, atol: 1e-12);
    }

    [Fact]
    public void Adam_Float32TwentyStepsMatchPyTorch()
    {
        using var net = Model(float32);
        using var optimizer = optim.Adam(net.parameters(), lr: 0.01);
        Train(net, optimizer, Steps);
        AssertMatches("adam_f32", net, atol: 1e-6);
    }

    [Fact]
    public void ParamGroups_TakeDefaultsForUnsetOptions()
    {
        using var net = Model(float64);
        using var optimizer = (SGD)Make("groups", net);
        Assert.Equal([0.01, 0.1], optimizer.param_groups.Select(g => g.lr));
        Assert.Equal([0.9, 0.0], optimizer.param_groups.Select(g => g.momentum));
        Assert.Throws<InvalidOperationException>(() => optimizer.param_groups[0].eps);
    }

    [Fact]
    public void StateDict_RoundTripContinuesIdentically()
    {
        using var scope = NewDisposeScope();
        // Run A: 10 steps, checkpoint (cloned), 10 more steps.
        using var a = Model(float64);
        using var optA = optim.Adam(a.parameters(), lr: 0.01, betas: (0.8, 0.99), weight_decay: 1e-2);
        Train(a, optA, 10);
        var modelState = a.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());
        var saved = optA.state_dict();
        var optState = new OptimizerState(new OrderedDictionary<string, Tensor>(saved.state.Select(e => KeyValuePair.Create(e.Key, e.Value.clone()))), saved.param_groups);
        Assert.Equal(["state.0.step", "state.0.exp_avg", "state.0.exp_avg_sq"], optState.state.Keys.Take(3));
        Assert.Equal(10f, optState.state["state.3.step"].item<float>());
        Assert.Equal(0.8, optState.param_groups[0].options["beta1"]);
        Assert.Equal([0, 1, 2, 3], optState.param_groups[0].@params);
        Train(a, optA, 10);

        // Run B: a fresh model and optimiser (other lr) restored from the checkpoint.
        manual_seed(99);
        using var b = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)).to(float64);
        using var optB = optim.Adam(b.parameters(), lr: 0.5);
        b.load_state_dict(modelState);
        optB.load_state_dict(optState);
        Assert.Equal(0.01, optB.param_groups[0].lr);
        Train(b, optB, 10);

        AssertMatches("adam", a, atol: 1e-12);
        foreach (var (key, value) in a.state_dict())
        {
            TensorAssert.Equal(value, b.state_dict()[key]);
        }
    }

    [Fact]
    public void Sgd_MomentumBufferStateRoundTrips()
    {
        using var scope = NewDisposeScope();
        using var net = Model(float64);
        using var optimizer = Make("sgd_momentum", net);
        Train(net, optimizer, 3);
        var state = optimizer.state_dict();
        Assert.Equal(["state.0.momentum_buffer", "state.1.momentum_buffer", "state.2.momentum_buffer", "state.3.momentum_buffer"], state.state.Keys);
        Assert.Equal(0.1, state.param_groups[0].options["dampening"]);
        Assert.Equal(0.0, state.param_groups[0].options["nesterov"]);
    }

    [Fact]
    public void Step_SkipsParametersWithoutGradient()
    {
        using var scope = NewDisposeScope();
        using var lin = nn.Linear(2, 1);
        using var optimizer = optim.SGD(lin.parameters(), lr: 1.0, weight_decay: 0.5);
        var before = lin.weight.clone();
        optimizer.step();
        TensorAssert.Equal(before, lin.weight);
        Assert.Empty(optimizer.state_dict().state);
    }

    [Fact]
    public void ZeroGrad_ThroughOptimizer()
    {
        using var scope = NewDisposeScope();
        using var lin = nn.Linear(2, 1);
        using var optimizer = optim.SGD(lin.parameters(), lr: 1.0);
        lin.call(ones(3, 2)).sum().backward();
        optimizer.zero_grad(set_to_none: false);
        TensorAssert.Values([0, 0], lin.weight.grad!);
        optimizer.zero_grad();
        Assert.Null(lin.weight.grad);
    }

    [Fact]
    public void Constructors_ThrowForInvalidHyperparameters()
    {
        using var lin = nn.Linear(2, 1);
        Assert.Contains("Invalid learning rate: -1", Assert.Throws<ArgumentException>(() => optim.SGD(lin.parameters(), lr: -1)).Message);
        Assert.Contains("Nesterov momentum requires a momentum and zero dampening",
            Assert.Throws<ArgumentException>(() => optim.SGD(lin.parameters(), lr: 0.1, nesterov: true)).Message);
        Assert.Contains("Invalid beta parameter at index 1: 1", Assert.Throws<ArgumentException>(() => optim.Adam(lin.parameters(), betas: (0.9, 1.0))).Message);
        Assert.Contains("Invalid epsilon value", Assert.Throws<ArgumentException>(() => optim.AdamW(lin.parameters(), eps: -1)).Message);
        Assert.Contains("more than one parameter group", Assert.Throws<ArgumentException>(() =>
            optim.SGD([new ParamGroup(lin.parameters()), new ParamGroup([lin.weight])], lr: 0.1)).Message);
        Assert.Throws<ArgumentException>(() => new ParamGroup([]));
    }

    [Fact]
    public void LoadStateDict_ThrowsForDifferentGroups()
    {
        using var scope = NewDisposeScope();
        using var net = Model(float64);
        using var one = optim.SGD(net.parameters(), lr: 0.1);
        using var two = (SGD)Make("groups", net);
        Assert.Contains("parameter groups", Assert.Throws<ArgumentException>(() => one.load_state_dict(two.state_dict())).Message);
    }
}
