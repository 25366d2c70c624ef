using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Modules;

/// <summary>
/// y = x·Wᵀ + b over the last dimension, as <c>torch.nn.Linear</c>: <c>weight</c> [out, in], optional <c>bias</c> [out].
/// </summary>
/// <remarks>Initialised as PyTorch 1.13: <c>kaiming_uniform_(weight, a: √5)</c>, bias ~ U(−1/√in, 1/√in).</remarks>
public sealed class Linear : torch.nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer and initialises it from the default generator.</summary>
    /// <exception cref="ArgumentException">A feature count is negative.</exception>
    public Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null)
    {
        if (in_features < 0 || out_features < 0)
        {
            throw new ArgumentException($"Linear needs non-negative sizes (got in_features={in_features}, out_features={out_features}).", nameof(in_features));
        }
        this.in_features = in_features;
        this.out_features = out_features;
        using (var w = torch.empty([out_features, in_features], dtype, device))
        {
            register_parameter("weight", new Parameter(w));
        }
        if (bias)
        {
            using var b = torch.empty([out_features], dtype, device);
            register_parameter("bias", new Parameter(b));
        }
        else
        {
            register_parameter("bias", null);
        }
        reset_parameters();
    }

    /// <summary>Input features.</summary>
    public long in_features { get; }
    /// <summary>Output features.</summary>
    public long out_features { get; }

    /// <summary>The weight [out, in].</summary>
    public Parameter weight => get_parameter("weight")!;

    /// <summary>The bias [out], or null.</summary>
    public Parameter? bias => get_parameter("bias");

    /// <summary>Re-draws the weights with PyTorch's default initialisation.</summary>
    public void reset_parameters()
    {
        torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is { } b)
        {
            var (fanIn, _) = torch.nn.init.calculate_fan_in_and_fan_out(weight);
            var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            torch.nn.init.uniform_(b, -bound, bound);
        }
    }

    /// <summary>[..., in] → [..., out].</summary>
    public override Tensor forward(Tensor input) => F.linear(input, weight, bias);
}
