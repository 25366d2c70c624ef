using WeClick.Torch.Modules;

namespace WeClick.Torch.Optim;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter 2019), op for op as PyTorch 1.13's
/// <c>_single_tensor_adamw</c>: θ ← θ·(1 − lr·wd) first, then Adam's update without the L2 term.
/// The default weight decay is 0.01, as in PyTorch.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>One group holding <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">A hyperparameter is out of range.</exception>
    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
        double weight_decay = 1e-2, bool maximize = false)
        : base(parameters, lr, betas, eps, weight_decay, maximize)
    {
    }

    /// <summary>Several groups; their unset options take these defaults.</summary>
    /// <exception cref="ArgumentException">A hyperparameter is out of range.</exception>
    public AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
        double weight_decay = 1e-2, bool maximize = false)
        : base(param_groups, lr, betas, eps, weight_decay, maximize)
    {
    }

    private protected override bool Decoupled => true;
}
