using WeClick.Torch.Modules;

namespace WeClick.Torch.Optim;

/// <summary>
/// Adam (Kingma and Ba 2015) with optional L2 weight decay, op for op as PyTorch 1.13's <c>_single_tensor_adam</c>:
/// g ← g + wd·θ; m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
/// θ ← θ − lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + eps). No amsgrad (it needs torch.maximum, which the binding lacks yet).
/// </summary>
/// <remarks>State per parameter: <c>step</c> (float32 scalar, as PyTorch), <c>exp_avg</c>, <c>exp_avg_sq</c>.</remarks>
public class Adam : Optimizer
{
    private readonly double _lr, _eps, _weightDecay;
    private readonly (double, double) _betas;
    private readonly bool _maximize;

    /// <summary>One group holding <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">A hyperparameter is out of range.</exception>
    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
        double weight_decay = 0, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, betas, eps, weight_decay, maximize)
    {
    }

    /// <summary>Several groups; their unset options take these defaults (betas default to (0.9, 0.999)).</summary>
    /// <exception cref="ArgumentException">lr, eps or weight_decay is negative, or a beta is outside [0, 1).</exception>
    public Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
        double weight_decay = 0, bool maximize = false)
    {
        ArgumentNullException.ThrowIfNull(param_groups);
        (_lr, _betas, _eps, _weightDecay, _maximize) = (lr, betas ?? (0.9, 0.999), eps, weight_decay, maximize);
        Validate(_lr, _betas, _eps, _weightDecay);
        foreach (var group in param_groups)
        {
            add_param_group(group);
        }
    }

    private static void Validate(double lr, (double, double) betas, double eps, double weightDecay)
    {
        if (!(lr >= 0)) throw new ArgumentException($"Invalid learning rate: {lr}", nameof(lr));
        if (!(eps >= 0)) throw new ArgumentException($"Invalid epsilon value: {eps}", nameof(eps));
        if (!(betas.Item1 >= 0 && betas.Item1 < 1)) throw new ArgumentException($"Invalid beta parameter at index 0: {betas.Item1}", nameof(betas));
        if (!(betas.Item2 >= 0 && betas.Item2 < 1)) throw new ArgumentException($"Invalid beta parameter at index 1: {betas.Item2}", nameof(betas));
        if (!(weightDecay >= 0)) throw new ArgumentException($"Invalid weight_decay value: {weightDecay}", "weight_decay");
    }

    /// <inheritdoc/>
    protected override void ApplyDefaults(ParamGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.SetDefaults(lr: _lr, betas: _betas, eps: _eps, weight_decay: _weightDecay, maximize: _maximize);
        Validate(group.lr, group.betas, group.eps, group.weight_decay);
    }

    /// <summary>True for AdamW: decay θ directly instead of adding wd·θ to the gradient.</summary>
    private protected virtual bool Decoupled => false;

    /// <inheritdoc/>
    protected override void Update(ParamGroup group, Parameter param, Tensor grad, OrderedDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(param);
        ArgumentNullException.ThrowIfNull(state);
        var (lr, (beta1, beta2), eps, weightDecay) = (group.lr, group.betas, group.eps, group.weight_decay);
        // 1. Lazy state: step (a float32 scalar, as PyTorch 1.13), first and second moments.
        if (!state.ContainsKey("step"))
        {
            SetState(state, "step", torch.tensor(0f));
            SetState(state, "exp_avg", torch.zeros(param.shape, param.dtype, param.device));
            SetState(state, "exp_avg_sq", torch.zeros(param.shape, param.dtype, param.device));
        }
        var (step_t, exp_avg, exp_avg_sq) = (state["step"], state["exp_avg"], state["exp_avg_sq"]);
        var g = group.maximize ? grad.neg() : grad;
        step_t.add_(1);
        // 2. Weight decay: AdamW shrinks θ itself; Adam adds the L2 gradient.
        if (Decoupled)
        {
            param.mul_(1 - lr * weightDecay);
        }
        else if (weightDecay != 0)
        {
            g = g.add(param, alpha: weightDecay);
        }
        // 3. Moments.
        exp_avg.mul_(beta1).add_(g, alpha: 1 - beta1);
        exp_avg_sq.mul_(beta2).addcmul_(g, g, value: 1 - beta2);
        // 4. Bias-corrected step: θ ← θ − lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + eps).
        double step = step_t.item<float>();
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2 = 1 - Math.Pow(beta2, step);
        var stepSize = lr / biasCorrection1;
        var biasCorrection2Sqrt = Math.Sqrt(biasCorrection2);
        var denom = (exp_avg_sq.sqrt() / biasCorrection2Sqrt).add_(eps);
        param.addcdiv_(exp_avg, denom, value: -stepSize);
    }
}
