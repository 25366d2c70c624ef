using WeClick.Torch.Modules;

namespace WeClick.Torch.Optim;

/// <summary>
/// A set of parameters with its own hyperparameters, as an entry of PyTorch's <c>optimizer.param_groups</c>
/// (e.g. a backbone at a lower learning rate than the head).
/// </summary>
/// <remarks>
/// Give only the options that differ from the optimiser's defaults; the optimiser fills the others when the
/// group is added (PyTorch's <c>setdefault</c>). Each optimiser reads the options it knows (SGD: lr, momentum,
/// dampening, weight_decay, nesterov, maximize; Adam/AdamW: lr, betas, eps, weight_decay, maximize); reading
/// an option that no optimiser has filled throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class ParamGroup
{
    private double? _lr, _momentum, _dampening, _weightDecay, _eps;
    private bool? _nesterov, _maximize;
    private (double, double)? _betas;

    /// <summary>Creates a group; null options take the optimiser's defaults.</summary>
    /// <exception cref="ArgumentException">The group has no parameters.</exception>
    public ParamGroup(IEnumerable<Parameter> @params, double? lr = null, double? weight_decay = null, double? momentum = null,
        double? dampening = null, bool? nesterov = null, (double beta1, double beta2)? betas = null, double? eps = null, bool? maximize = null)
    {
        ArgumentNullException.ThrowIfNull(@params);
        this.@params = @params.ToArray();
        if (this.@params.Count == 0)
        {
            throw new ArgumentException("A parameter group needs at least one parameter (the enumerable was empty).", nameof(@params));
        }
        _lr = lr;
        _weightDecay = weight_decay;
        _momentum = momentum;
        _dampening = dampening;
        _nesterov = nesterov;
        _betas = betas;
        _eps = eps;
        _maximize = maximize;
    }

    /// <summary>The parameters of the group.</summary>
    public IReadOnlyList<Parameter> @params { get; }

    /// <summary>Learning rate (schedulers set it every step).</summary>
    public double lr { get => Get(_lr); set => _lr = value; }

    /// <summary>The learning rate the group started with, recorded by an <see cref="LrScheduler"/> (PyTorch's <c>initial_lr</c>).</summary>
    public double? initial_lr { get; set; }

    /// <summary>L2 penalty (SGD, Adam) or decoupled weight decay (AdamW).</summary>
    public double weight_decay { get => Get(_weightDecay); set => _weightDecay = value; }

    /// <summary>SGD momentum factor.</summary>
    public double momentum { get => Get(_momentum); set => _momentum = value; }

    /// <summary>SGD dampening of the momentum.</summary>
    public double dampening { get => Get(_dampening); set => _dampening = value; }

    /// <summary>SGD Nesterov momentum.</summary>
    public bool nesterov { get => Get(_nesterov); set => _nesterov = value; }

    /// <summary>Adam's (β1, β2).</summary>
    public (double beta1, double beta2) betas { get => Get(_betas); set => _betas = value; }

    /// <summary>Adam's denominator term.</summary>
    public double eps { get => Get(_eps); set => _eps = value; }

    /// <summary>Maximise the objective instead of minimising it.</summary>
    public bool maximize { get => Get(_maximize); set => _maximize = value; }

    internal void SetDefaults(double? lr = null, double? weight_decay = null, double? momentum = null, double? dampening = null,
        bool? nesterov = null, (double, double)? betas = null, double? eps = null, bool? maximize = null)
    {
        _lr ??= lr;
        _weightDecay ??= weight_decay;
        _momentum ??= momentum;
        _dampening ??= dampening;
        _nesterov ??= nesterov;
        _betas ??= betas;
        _eps ??= eps;
        _maximize ??= maximize;
    }

    /// <summary>The options that are set, by PyTorch's key names (booleans as 0/1, betas as beta1/beta2).</summary>
    internal Dictionary<string, double> Options()
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_lr is { } lr) result["lr"] = lr;
        if (initial_lr is { } initial) result["initial_lr"] = initial;
        if (_weightDecay is { } wd) result["weight_decay"] = wd;
        if (_momentum is { } m) result["momentum"] = m;
        if (_dampening is { } d) result["dampening"] = d;
        if (_nesterov is { } n) result["nesterov"] = n ? 1 : 0;
        if (_betas is { } b)
        {
            result["beta1"] = b.Item1;
            result["beta2"] = b.Item2;
        }
        if (_eps is { } e) result["eps"] = e;
        if (_maximize is { } max) result["maximize"] = max ? 1 : 0;
        return result;
    }

    internal void SetOptions(IReadOnlyDictionary<string, double> options)
    {
        foreach (var (key, value) in options)
        {
            switch (key)
            {
                case "lr": _lr = value; break;
                case "initial_lr": initial_lr = value; break;
                case "weight_decay": _weightDecay = value; break;
                case "momentum": _momentum = value; break;
                case "dampening": _dampening = value; break;
                case "nesterov": _nesterov = value != 0; break;
                case "beta1": _betas = (value, _betas?.Item2 ?? options.GetValueOrDefault("beta2")); break;
                case "beta2": _betas = (_betas?.Item1 ?? options.GetValueOrDefault("beta1"), value); break;
                case "eps": _eps = value; break;
                case "maximize": _maximize = value != 0; break;
                default: throw new ArgumentException($"Unknown parameter-group option '{key}' in the optimizer state.", nameof(options));
            }
        }
    }

    private static T Get<T>(T? value, [System.Runtime.CompilerServices.CallerMemberName] string name = "") where T : struct =>
        value ?? throw new InvalidOperationException($"The parameter group's '{name}' is not set: give it, or add the group to an optimizer that has a default for it.");
}
