using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Engine;

/// <summary>
/// Capture and restore of TorchSharp's <c>optim.SGD</c> (momentum buffers), <c>optim.Adam</c> and <c>optim.AdamW</c>
/// (step, first and second moments, the AMSGrad maximum) as named tensors plus JSON-ready group options
/// (<see cref="OptimizerSnapshot"/>), so that a checkpoint holds the optimiser in the safetensors file beside the
/// weights and a resumed run takes exactly the steps an uninterrupted one takes.
/// </summary>
/// <remarks>
/// TorchSharp's own <c>state_dict()</c> returns the live per-parameter state objects (not tensors one can save
/// with names), its <c>save_state_dict</c> writes a TorchSharp-only binary stream, and <c>SGD.State.LoadStateDict</c>
/// throws for a parameter that has no momentum buffer yet. So this reads and writes the state objects' public fields
/// (<c>SGD.State.momentum_buffer</c>, <c>Adam.State.step/exp_avg/exp_avg_sq/max_exp_avg_sq</c>) directly.
/// </remarks>
public static class OptimizerStates
{
    /// <summary>
    /// The optimiser's state: tensors under <c>state.{i}.{name}</c> (detached aliases in the current dispose scope that
    /// share storage with the optimiser's; save them before the next step) and every group's options.
    /// </summary>
    /// <exception cref="NotSupportedException">The optimiser is not SGD, Adam or AdamW.</exception>
    public static OptimizerSnapshot CaptureState(this optim.Optimizer optimizer)
    {
        var (helper, kind) = Resolve(optimizer);
        var dict = helper.state_dict();
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var groups = new List<OptimizerGroupState>();
        for (var g = 0; g < dict.Options.Count; g++)
        {
            groups.Add(new OptimizerGroupState(kind, ReadOptions(dict.Options[g]), dict.StateIndexRef[g].ToArray()));
        }
        for (var i = 0; i < dict.State.Count; i++)
        {
            foreach (var (name, value) in ReadState(dict.State[i]))
            {
                tensors[string.Create(CultureInfo.InvariantCulture, $"state.{i}.{name}")] = value;
            }
        }
        return new OptimizerSnapshot(tensors, groups);
    }

    /// <summary>
    /// Restores options and state captured by <see cref="CaptureState"/> (possibly saved and read back) into an
    /// optimiser of the same kind over parameters of the same shapes. Tensors are copied to each parameter's device
    /// and dtype. Everything is checked before anything changes.
    /// </summary>
    /// <exception cref="ArgumentException">Another optimiser kind, other group counts or sizes, a missing option, a
    /// malformed or unknown state key, or a state tensor whose shape differs from its parameter's (the message says which).</exception>
    /// <exception cref="NotSupportedException">The optimiser is not SGD, Adam or AdamW.</exception>
    public static void RestoreState(this optim.Optimizer optimizer, OptimizerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var (helper, kind) = Resolve(optimizer);
        var dict = helper.state_dict();
        var parameters = helper.parameters().ToArray();
        if (snapshot.Groups.Count != dict.Options.Count)
        {
            throw new ArgumentException($"The saved optimiser state has {snapshot.Groups.Count} parameter group(s), the {kind} optimiser has {dict.Options.Count}.", nameof(snapshot));
        }
        for (var g = 0; g < dict.Options.Count; g++)
        {
            var saved = snapshot.Groups[g];
            if (saved.Optimizer != kind)
            {
                throw new ArgumentException($"The saved optimiser state is {saved.Optimizer}'s; this optimiser is {kind}.", nameof(snapshot));
            }
            if (saved.Params.Count != dict.StateIndexRef[g].Count)
            {
                throw new ArgumentException($"Saved parameter group {g} has {saved.Params.Count} parameter(s), the optimiser's has {dict.StateIndexRef[g].Count}.", nameof(snapshot));
            }
            CheckOptions(dict.Options[g], saved.Options, g);
        }
        var perParameter = ParseState(snapshot.State, kind, parameters);
        for (var g = 0; g < dict.Options.Count; g++)
        {
            WriteOptions(dict.Options[g], snapshot.Groups[g].Options);
        }
        for (var g = 0; g < dict.Options.Count; g++)
        {
            foreach (var i in dict.StateIndexRef[g])
            {
                WriteState(dict.State[i], perParameter.GetValueOrDefault(i), parameters[i], dict.Options[g]);
            }
        }
    }

    private static (OptimizerHelper Helper, string Kind) Resolve(optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var kind = optimizer switch
        {
            SGD => "SGD",
            AdamW => "AdamW",
            Adam => "Adam",
            _ => throw new NotSupportedException(
                $"Saving the state of {optimizer.GetType().Name} is not supported (SGD, Adam and AdamW are)."),
        };
        return ((OptimizerHelper)optimizer, kind);
    }

    private static Dictionary<string, double> ReadOptions(OptimizerOptions options) => options switch
    {
        SGD.Options o => new()
        {
            ["lr"] = o.LearningRate!.Value, ["initial_lr"] = o.InitialLearningRate, ["momentum"] = o.momentum!.Value,
            ["dampening"] = o.dampening!.Value, ["weight_decay"] = o.weight_decay!.Value,
            ["nesterov"] = Flag(o.nesterov!.Value), ["maximize"] = Flag(o.maximize!.Value),
        },
        Adam.Options o => AdamOptions(o.LearningRate!.Value, o.InitialLearningRate, o.beta1!.Value, o.beta2!.Value, o.eps!.Value,
            o.weight_decay!.Value, o.amsgrad!.Value, o.maximize!.Value),
        AdamW.Options o => AdamOptions(o.LearningRate!.Value, o.InitialLearningRate, o.beta1!.Value, o.beta2!.Value, o.eps!.Value,
            o.weight_decay!.Value, o.amsgrad!.Value, o.maximize!.Value),
        _ => throw new NotSupportedException($"Unknown optimiser options {options.GetType().FullName}."),
    };

    private static Dictionary<string, double> AdamOptions(double lr, double initialLr, double beta1, double beta2, double eps,
        double weightDecay, bool amsgrad, bool maximize) => new()
    {
        ["lr"] = lr, ["initial_lr"] = initialLr, ["beta1"] = beta1, ["beta2"] = beta2, ["eps"] = eps,
        ["weight_decay"] = weightDecay, ["amsgrad"] = Flag(amsgrad), ["maximize"] = Flag(maximize),
    };

    private static double Flag(bool value) => value ? 1 : 0;

    private static void CheckOptions(OptimizerOptions current, IReadOnlyDictionary<string, double> saved, int group)
    {
        var missing = ReadOptions(current).Keys.Where(k => !saved.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Saved parameter group {group} lacks the option(s) {string.Join(", ", missing)}.", nameof(saved));
        }
    }

    private static void WriteOptions(OptimizerOptions options, IReadOnlyDictionary<string, double> o)
    {
        options.LearningRate = o["lr"];
        options.InitialLearningRate = o["initial_lr"];
        switch (options)
        {
            case SGD.Options s:
                (s.momentum, s.dampening, s.weight_decay) = (o["momentum"], o["dampening"], o["weight_decay"]);
                (s.nesterov, s.maximize) = (o["nesterov"] != 0, o["maximize"] != 0);
                break;
            case Adam.Options a:
                (a.beta1, a.beta2, a.eps, a.weight_decay) = (o["beta1"], o["beta2"], o["eps"], o["weight_decay"]);
                (a.amsgrad, a.maximize) = (o["amsgrad"] != 0, o["maximize"] != 0);
                break;
            case AdamW.Options w:
                (w.beta1, w.beta2, w.eps, w.weight_decay) = (o["beta1"], o["beta2"], o["eps"], o["weight_decay"]);
                (w.amsgrad, w.maximize) = (o["amsgrad"] != 0, o["maximize"] != 0);
                break;
        }
    }

    /// <summary>PyTorch's per-parameter state: none before the first step (PyTorch creates it lazily).</summary>
    private static IEnumerable<(string Name, Tensor Value)> ReadState(OptimizerState state)
    {
        switch (state)
        {
            case SGD.State s when s.momentum_buffer is not null:
                yield return ("momentum_buffer", s.momentum_buffer.detach());
                break;
            case Adam.State a when a.step > 0:
                foreach (var entry in AdamState(a.step, a.exp_avg, a.exp_avg_sq, a.max_exp_avg_sq))
                {
                    yield return entry;
                }
                break;
            case AdamW.State w when w.step > 0:
                foreach (var entry in AdamState(w.step, w.exp_avg, w.exp_avg_sq, w.max_exp_avg_sq))
                {
                    yield return entry;
                }
                break;
        }
    }

    private static IEnumerable<(string, Tensor)> AdamState(long step, Tensor expAvg, Tensor expAvgSq, Tensor? maxExpAvgSq)
    {
        // PyTorch keeps `step` as a float32 scalar tensor; float32 counts exactly up to 2^24 steps.
        if (step > 1 << 24)
        {
            throw new NotSupportedException($"An Adam step count of {step} does not fit float32 exactly.");
        }
        yield return ("step", torch.tensor((float)step));
        yield return ("exp_avg", expAvg.detach());
        yield return ("exp_avg_sq", expAvgSq.detach());
        if (maxExpAvgSq is not null)
        {
            yield return ("max_exp_avg_sq", maxExpAvgSq.detach());
        }
    }

    private static Dictionary<int, Dictionary<string, Tensor>> ParseState(IReadOnlyDictionary<string, Tensor> state, string kind, Parameter[] parameters)
    {
        string[] known = kind == "SGD" ? ["momentum_buffer"] : ["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"];
        var result = new Dictionary<int, Dictionary<string, Tensor>>();
        foreach (var (key, value) in state)
        {
            var parts = key.Split('.', 3);
            if (parts.Length != 3 || parts[0] != "state"
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= parameters.Length)
            {
                throw new ArgumentException($"'{key}' is not a state key 'state.{{index}}.{{name}}' for {parameters.Length} parameters.", nameof(state));
            }
            if (!known.Contains(parts[2]))
            {
                throw new ArgumentException($"'{key}': {kind} has no state '{parts[2]}' (it has {string.Join(", ", known)}).", nameof(state));
            }
            var expected = parts[2] == "step" ? [] : parameters[i].shape;
            if (!value.shape.SequenceEqual(expected))
            {
                throw new ArgumentException(
                    $"'{key}' has shape [{string.Join(", ", value.shape)}], parameter {i} needs [{string.Join(", ", expected)}].", nameof(state));
            }
            if (!result.TryGetValue(i, out var entries))
            {
                result[i] = entries = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            }
            entries[parts[2]] = value;
        }
        if (kind != "SGD")
        {
            foreach (var (i, entries) in result)
            {
                if (!entries.ContainsKey("step") || !entries.ContainsKey("exp_avg") || !entries.ContainsKey("exp_avg_sq"))
                {
                    throw new ArgumentException($"The {kind} state of parameter {i} needs step, exp_avg and exp_avg_sq; it has {string.Join(", ", entries.Keys)}.", nameof(state));
                }
            }
        }
        return result;
    }

    private static void WriteState(OptimizerState state, Dictionary<string, Tensor>? saved, Parameter parameter, OptimizerOptions options)
    {
        switch (state)
        {
            case SGD.State s:
            {
                var old = s.momentum_buffer;
                s.momentum_buffer = saved is null ? null! : Copy(saved["momentum_buffer"], parameter);
                old?.Dispose();
                break;
            }
            case Adam.State a when saved is null:
                a.Initialize(options);
                break;
            case Adam.State a:
            {
                var old = (a.exp_avg, a.exp_avg_sq, a.max_exp_avg_sq);
                a.step = Step(saved["step"]);
                (a.exp_avg, a.exp_avg_sq) = (Copy(saved["exp_avg"], parameter), Copy(saved["exp_avg_sq"], parameter));
                a.max_exp_avg_sq = MaxExpAvgSq(saved, parameter, ((Adam.Options)options).amsgrad!.Value)!;
                Dispose(old);
                break;
            }
            case AdamW.State w when saved is null:
                w.Initialize(options);
                break;
            case AdamW.State w:
            {
                var old = (w.exp_avg, w.exp_avg_sq, w.max_exp_avg_sq);
                w.step = Step(saved["step"]);
                (w.exp_avg, w.exp_avg_sq) = (Copy(saved["exp_avg"], parameter), Copy(saved["exp_avg_sq"], parameter));
                w.max_exp_avg_sq = MaxExpAvgSq(saved, parameter, ((AdamW.Options)options).amsgrad!.Value)!;
                Dispose(old);
                break;
            }
        }
    }

    private static Tensor? MaxExpAvgSq(Dictionary<string, Tensor> saved, Parameter parameter, bool amsgrad) =>
        saved.TryGetValue("max_exp_avg_sq", out var m) ? Copy(m, parameter)
        : amsgrad ? torch.zeros_like(parameter).DetachFromDisposeScope() : null;

    private static long Step(Tensor step)
    {
        using var scope = torch.NewDisposeScope();
        return (long)Math.Round(step.to(ScalarType.Float64).item<double>());
    }

    private static void Dispose((Tensor A, Tensor B, Tensor? C) old)
    {
        old.A?.Dispose();
        old.B?.Dispose();
        old.C?.Dispose();
    }

    /// <summary>A fresh tensor with <paramref name="source"/>'s values on the parameter's device and dtype, outside any dispose scope.</summary>
    private static Tensor Copy(Tensor source, Parameter parameter)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return source.detach().to(parameter.dtype, parameter.device, copy: true).DetachFromDisposeScope();
    }
}
