using System.Globalization;
using WeClick.Torch.Modules;

namespace WeClick.Torch.Optim;

/// <summary>
/// Base class of optimisers, as <c>torch.optim.Optimizer</c>: parameter groups with their own hyperparameters,
/// per-parameter state, <see cref="step"/>, <see cref="zero_grad"/> and a checkpointable <see cref="state_dict"/>.
/// </summary>
/// <remarks>
/// The optimiser keeps references to the <see cref="Parameter"/> objects: build it after moving the model
/// with <c>to(device/dtype)</c>, as in PyTorch. It owns its state tensors; dispose it to release them.
/// </remarks>
public abstract class Optimizer : IDisposable
{
    private readonly List<ParamGroup> _groups = new();
    private readonly Dictionary<Parameter, OrderedDictionary<string, Tensor>> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>The parameter groups, in order; change <see cref="ParamGroup.lr"/> here to change the learning rate.</summary>
    public IReadOnlyList<ParamGroup> param_groups => _groups;

    /// <summary>Adds a group; options it does not set take this optimiser's defaults.</summary>
    /// <exception cref="ArgumentException">A parameter is already in another group, or an option is invalid.</exception>
    public void add_param_group(ParamGroup param_group)
    {
        ArgumentNullException.ThrowIfNull(param_group);
        var existing = new HashSet<Parameter>(_groups.SelectMany(g => g.@params), ReferenceEqualityComparer.Instance);
        var mine = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        foreach (var p in param_group.@params)
        {
            if (existing.Contains(p) || !mine.Add(p))
            {
                throw new ArgumentException("some parameters appear in more than one parameter group (or twice in one).", nameof(param_group));
            }
        }
        ApplyDefaults(param_group);
        _groups.Add(param_group);
    }

    /// <summary>Fills the options the group leaves unset with this optimiser's defaults, and validates them.</summary>
    protected abstract void ApplyDefaults(ParamGroup group);

    /// <summary>Updates one parameter that has a gradient, in place (called under no_grad, in a dispose scope).</summary>
    /// <param name="group">The parameter's group (its hyperparameters).</param>
    /// <param name="param">The parameter.</param>
    /// <param name="grad">Its gradient.</param>
    /// <param name="state">Its state; store new tensors with <see cref="SetState"/>.</param>
    protected abstract void Update(ParamGroup group, Parameter param, Tensor grad, OrderedDictionary<string, Tensor> state);

    /// <summary>Stores a state tensor (the optimiser takes ownership: it leaves the dispose scope).</summary>
    protected static void SetState(OrderedDictionary<string, Tensor> state, string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(value);
        if (state.TryGetValue(name, out var old) && !ReferenceEquals(old, value))
        {
            old.Dispose();
        }
        state[name] = value.DetachFromDisposeScope();
    }

    /// <summary>
    /// Performs one update of every parameter that has a gradient (parameters without one are skipped, as in PyTorch).
    /// </summary>
    /// <param name="closure">Optionally re-evaluates the model and returns the loss (run with gradients enabled).</param>
    /// <returns>The closure's loss, or null.</returns>
    public Tensor? step(Func<Tensor>? closure = null)
    {
        Tensor? loss = null;
        if (closure is not null)
        {
            using var grad = torch.enable_grad();
            loss = closure();
        }
        using var noGrad = torch.no_grad();
        foreach (var group in _groups)
        {
            foreach (var p in group.@params)
            {
                using var scope = torch.NewDisposeScope();
                if (p.grad is not { } grad)
                {
                    continue;
                }
                if (!_state.TryGetValue(p, out var state))
                {
                    state = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
                    _state[p] = state;
                }
                Update(group, p, grad, state);
            }
        }
        return loss;
    }

    /// <summary>
    /// Clears the gradients of every parameter. The default, <paramref name="set_to_none"/> = true, is PyTorch 2's
    /// (grads become null); false zeroes them in place as PyTorch 1.13's default did. The two differ only for a
    /// parameter that then gets no gradient: null skips it in <see cref="step"/>, zero still decays it.
    /// </summary>
    public void zero_grad(bool set_to_none = true) => ZeroGrad(_groups.SelectMany(g => g.@params), set_to_none);

    internal static void ZeroGrad(IEnumerable<Parameter> parameters, bool set_to_none)
    {
        foreach (var p in parameters)
        {
            using var grad = p.grad;
            if (grad is null)
            {
                continue;
            }
            if (set_to_none)
            {
                p.grad = null;
                continue;
            }
            if (grad.grad_fn_name.Length > 0)
            {
                grad.detach_();
            }
            else
            {
                grad.requires_grad_(false);
            }
            grad.zero_();
        }
    }

    /// <summary>
    /// The state tensors (detached aliases that share storage with the optimiser's, in the current dispose scope)
    /// and every group's options; see <see cref="OptimizerState"/>.
    /// </summary>
    public OptimizerState state_dict()
    {
        var tensors = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        var groups = new List<ParamGroupState>();
        var index = 0;
        foreach (var group in _groups)
        {
            var indices = new List<int>();
            foreach (var p in group.@params)
            {
                if (_state.TryGetValue(p, out var state))
                {
                    foreach (var (name, value) in state)
                    {
                        tensors[string.Create(CultureInfo.InvariantCulture, $"state.{index}.{name}")] = value.detach();
                    }
                }
                indices.Add(index++);
            }
            groups.Add(new ParamGroupState(group.Options(), indices));
        }
        return new OptimizerState(tensors, groups);
    }

    /// <summary>
    /// Restores options and state saved by <see cref="state_dict"/> (tensors are copied, and converted to each
    /// parameter's device and floating dtype, except <c>step</c> which stays as saved, as in PyTorch 1.13).
    /// </summary>
    /// <exception cref="ArgumentException">The groups or their sizes differ, or a state key is malformed.</exception>
    public void load_state_dict(OptimizerState state_dict)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        if (state_dict.param_groups.Count != _groups.Count)
        {
            throw new ArgumentException($"loaded state dict has {state_dict.param_groups.Count} parameter groups, the optimizer has {_groups.Count}.", nameof(state_dict));
        }
        for (var g = 0; g < _groups.Count; g++)
        {
            if (state_dict.param_groups[g].@params.Count != _groups[g].@params.Count)
            {
                throw new ArgumentException($"loaded parameter group {g} has {state_dict.param_groups[g].@params.Count} parameters, the optimizer's has {_groups[g].@params.Count}.", nameof(state_dict));
            }
        }
        var flat = _groups.SelectMany(g => g.@params).ToArray();
        var loaded = new Dictionary<Parameter, OrderedDictionary<string, Tensor>>(ReferenceEqualityComparer.Instance);
        foreach (var (key, value) in state_dict.state)
        {
            var parts = key.Split('.', 3);
            if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= flat.Length)
            {
                throw new ArgumentException($"'{key}' is not a state key 'state.{{index}}.{{name}}' for {flat.Length} parameters.", nameof(state_dict));
            }
            var p = flat[i];
            if (!loaded.TryGetValue(p, out var state))
            {
                state = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
                loaded[p] = state;
            }
            using var scope = torch.NewDisposeScope();
            var converted = parts[2] == "step" ? value
                : p.dtype.IsFloatingPoint() ? value.to(p.device, p.dtype) : value.to(p.device);
            state[parts[2]] = converted.clone().DetachFromDisposeScope();
        }
        DisposeState();
        foreach (var (p, state) in loaded)
        {
            _state[p] = state;
        }
        for (var g = 0; g < _groups.Count; g++)
        {
            _groups[g].SetOptions(state_dict.param_groups[g].options);
        }
    }

    private void DisposeState()
    {
        foreach (var state in _state.Values)
        {
            foreach (var t in state.Values)
            {
                t.Dispose();
            }
        }
        _state.Clear();
    }

    /// <summary>Releases the state tensors (not the parameters).</summary>
    public void Dispose()
    {
        DisposeState();
        GC.SuppressFinalize(this);
    }
}
