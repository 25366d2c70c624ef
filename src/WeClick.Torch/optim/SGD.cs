using WeClick.Torch.Modules;

namespace WeClick.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay,
/// op for op as PyTorch 1.13's <c>_single_tensor_sgd</c>:
/// g ← g + wd·θ; b ← μ·b + (1−τ)·g (b = g at the first step); g ← g + μ·b (Nesterov) or b; θ ← θ − lr·g.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly double _lr, _momentum, _dampening, _weightDecay;
    private readonly bool _nesterov, _maximize;

    /// <summary>One group holding <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">A hyperparameter is invalid (see the other constructor).</exception>
    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
        bool nesterov = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, momentum, dampening, weight_decay, nesterov, maximize)
    {
    }

    /// <summary>Several groups; their unset options take these defaults.</summary>
    /// <exception cref="ArgumentException">lr, momentum or weight_decay is negative, or Nesterov without momentum or with dampening.</exception>
    public SGD(IEnumerable<ParamGroup> param_groups, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
        bool nesterov = false, bool maximize = false)
    {
        ArgumentNullException.ThrowIfNull(param_groups);
        Validate(lr, momentum, dampening, weight_decay, nesterov);
        (_lr, _momentum, _dampening, _weightDecay, _nesterov, _maximize) = (lr, momentum, dampening, weight_decay, nesterov, maximize);
        foreach (var group in param_groups)
        {
            add_param_group(group);
        }
    }

    private static void Validate(double lr, double momentum, double dampening, double weightDecay, bool nesterov)
    {
        if (!(lr >= 0)) throw new ArgumentException($"Invalid learning rate: {lr}", nameof(lr));
        if (!(momentum >= 0)) throw new ArgumentException($"Invalid momentum value: {momentum}", nameof(momentum));
        if (!(weightDecay >= 0)) throw new ArgumentException($"Invalid weight_decay value: {weightDecay}", "weight_decay");
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException($"Nesterov momentum requires a momentum and zero dampening (got momentum={momentum}, dampening={dampening}).", nameof(nesterov));
        }
    }

    /// <inheritdoc/>
    protected override void ApplyDefaults(ParamGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.SetDefaults(lr: _lr, momentum: _momentum, dampening: _dampening, weight_decay: _weightDecay, nesterov: _nesterov, maximize: _maximize);
        Validate(group.lr, group.momentum, group.dampening, group.weight_decay, group.nesterov);
    }

    /// <inheritdoc/>
    protected override void Update(ParamGroup group, Parameter param, Tensor grad, OrderedDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(param);
        ArgumentNullException.ThrowIfNull(state);
        var (lr, momentum, dampening, weightDecay) = (group.lr, group.momentum, group.dampening, group.weight_decay);
        // 1. Direction: the gradient (negated to maximise), plus the L2 term.
        var d_p = group.maximize ? grad.neg() : grad;
        if (weightDecay != 0)
        {
            d_p = d_p.add(param, alpha: weightDecay);
        }
        // 2. Momentum buffer: a copy of the first direction, then b ← μ·b + (1 − dampening)·d_p.
        if (momentum != 0)
        {
            if (!state.TryGetValue("momentum_buffer", out var buf))
            {
                buf = d_p.clone().detach();
                SetState(state, "momentum_buffer", buf);
            }
            else
            {
                buf.mul_(momentum).add_(d_p, alpha: 1 - dampening);
            }
            d_p = group.nesterov ? d_p.add(buf, alpha: momentum) : buf;
        }
        // 3. θ ← θ − lr·d_p.
        param.add_(d_p, alpha: -lr);
    }
}
