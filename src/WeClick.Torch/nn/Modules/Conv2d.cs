using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Modules;

/// <summary>
/// 2-D convolution over [N, C_in, H, W], as <c>torch.nn.Conv2d</c> (zero padding): parameters
/// <c>weight</c> [C_out, C_in/groups, kH, kW] and optional <c>bias</c> [C_out].
/// </summary>
/// <remarks>
/// Initialised as PyTorch 1.13: <c>kaiming_uniform_(weight, a: √5)</c>, then bias ~ U(−1/√fan_in, 1/√fan_in),
/// so the same seed gives the same weights as in Python.
/// </remarks>
public sealed class Conv2d : torch.nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer and initialises it from the default generator.</summary>
    /// <exception cref="ArgumentException">A size is not positive, or a channel count is not divisible by <paramref name="groups"/>.</exception>
    public Conv2d(long in_channels, long out_channels, (long h, long w) kernel_size, (long h, long w)? stride = null,
        (long h, long w)? padding = null, (long h, long w)? dilation = null, long groups = 1, bool bias = true,
        Device? device = null, ScalarType? dtype = null)
    {
        if (groups <= 0)
        {
            throw new ArgumentException($"groups must be a positive integer (got {groups}).", nameof(groups));
        }
        if (in_channels <= 0 || in_channels % groups != 0)
        {
            throw new ArgumentException($"in_channels must be positive and divisible by groups (got in_channels={in_channels}, groups={groups}).", nameof(in_channels));
        }
        if (out_channels <= 0 || out_channels % groups != 0)
        {
            throw new ArgumentException($"out_channels must be positive and divisible by groups (got out_channels={out_channels}, groups={groups}).", nameof(out_channels));
        }
        if (kernel_size.h <= 0 || kernel_size.w <= 0)
        {
            throw new ArgumentException($"kernel_size must be positive (got ({kernel_size.h}, {kernel_size.w})).", nameof(kernel_size));
        }
        this.in_channels = in_channels;
        this.out_channels = out_channels;
        this.kernel_size = kernel_size;
        this.stride = stride ?? (1, 1);
        this.padding = padding ?? (0, 0);
        this.dilation = dilation ?? (1, 1);
        this.groups = groups;
        using (var w = torch.empty([out_channels, in_channels / groups, kernel_size.h, kernel_size.w], dtype, device))
        {
            register_parameter("weight", new Parameter(w));
        }
        if (bias)
        {
            using var b = torch.empty([out_channels], dtype, device);
            register_parameter("bias", new Parameter(b));
        }
        else
        {
            register_parameter("bias", null);
        }
        reset_parameters();
    }

    /// <summary>Input channels.</summary>
    public long in_channels { get; }
    /// <summary>Output channels.</summary>
    public long out_channels { get; }
    /// <summary>Kernel height and width.</summary>
    public (long h, long w) kernel_size { get; }
    /// <summary>Stride.</summary>
    public (long h, long w) stride { get; }
    /// <summary>Zero padding on each side.</summary>
    public (long h, long w) padding { get; }
    /// <summary>Dilation.</summary>
    public (long h, long w) dilation { get; }
    /// <summary>Number of channel groups.</summary>
    public long groups { get; }

    /// <summary>The kernel [C_out, C_in/groups, kH, kW].</summary>
    public Parameter weight => get_parameter("weight")!;

    /// <summary>The bias [C_out], or null.</summary>
    public Parameter? bias => get_parameter("bias");

    /// <summary>Re-draws the weights with PyTorch's default initialisation.</summary>
    public void reset_parameters()
    {
        torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is { } b)
        {
            var (fanIn, _) = torch.nn.init.calculate_fan_in_and_fan_out(weight);
            if (fanIn != 0)
            {
                var bound = 1 / Math.Sqrt(fanIn);
                torch.nn.init.uniform_(b, -bound, bound);
            }
        }
    }

    /// <summary>[N, C_in, H, W] → [N, C_out, H', W'].</summary>
    public override Tensor forward(Tensor input) =>
        F.conv2d(input, weight, bias, stride, padding, dilation, groups);
}
