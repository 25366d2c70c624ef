using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Modules;

/// <summary>
/// Batch normalisation over the channels of [N, C, H, W], as <c>torch.nn.BatchNorm2d</c>:
/// y = (x − mean)/√(var + eps)·weight + bias.
/// </summary>
/// <remarks>
/// Parameters <c>weight</c> (ones) and <c>bias</c> (zeros) when <see cref="affine"/>; buffers <c>running_mean</c>
/// (zeros), <c>running_var</c> (ones) and <c>num_batches_tracked</c> (int64 0) when <see cref="track_running_stats"/>.
/// In training each call increments <c>num_batches_tracked</c>, normalises with the batch statistics and updates
/// running = (1 − momentum)·running + momentum·batch (unbiased variance); with <c>momentum: null</c> the
/// factor is 1/num_batches_tracked (a cumulative average). In evaluation the running statistics are used.
/// </remarks>
public sealed class BatchNorm2d : torch.nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <exception cref="ArgumentException"><paramref name="num_features"/> is not positive.</exception>
    public BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
        bool track_running_stats = true, Device? device = null, ScalarType? dtype = null)
    {
        if (num_features <= 0)
        {
            throw new ArgumentException($"num_features must be positive (got {num_features}).", nameof(num_features));
        }
        this.num_features = num_features;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.track_running_stats = track_running_stats;
        if (affine)
        {
            using var w = torch.empty([num_features], dtype, device);
            using var b = torch.empty([num_features], dtype, device);
            register_parameter("weight", new Parameter(w));
            register_parameter("bias", new Parameter(b));
        }
        else
        {
            register_parameter("weight", null);
            register_parameter("bias", null);
        }
        if (track_running_stats)
        {
            register_buffer("running_mean", torch.zeros([num_features], dtype, device));
            register_buffer("running_var", torch.ones([num_features], dtype, device));
            register_buffer("num_batches_tracked", torch.zeros([], ScalarType.Int64, device));
        }
        else
        {
            register_buffer("running_mean", null);
            register_buffer("running_var", null);
            register_buffer("num_batches_tracked", null);
        }
        reset_parameters();
    }

    /// <summary>Number of channels C.</summary>
    public long num_features { get; }
    /// <summary>Added to the variance for stability.</summary>
    public double eps { get; }
    /// <summary>Weight of the new batch in the running statistics; null for a cumulative average.</summary>
    public double? momentum { get; set; }
    /// <summary>Whether the layer has a learnable scale and shift.</summary>
    public bool affine { get; }
    /// <summary>Whether the layer keeps running statistics.</summary>
    public bool track_running_stats { get; }

    /// <summary>Scale [C], or null without <see cref="affine"/>.</summary>
    public Parameter? weight => get_parameter("weight");
    /// <summary>Shift [C], or null without <see cref="affine"/>.</summary>
    public Parameter? bias => get_parameter("bias");
    /// <summary>Running mean [C], or null.</summary>
    public Tensor? running_mean => get_buffer("running_mean");
    /// <summary>Running (unbiased) variance [C], or null.</summary>
    public Tensor? running_var => get_buffer("running_var");
    /// <summary>Training batches seen (int64 scalar), or null.</summary>
    public Tensor? num_batches_tracked => get_buffer("num_batches_tracked");

    /// <summary>Zeroes the running mean and count and sets the running variance to one.</summary>
    public void reset_running_stats()
    {
        if (track_running_stats)
        {
            using var noGrad = torch.no_grad();
            running_mean!.zero_();
            running_var!.fill_(1);
            num_batches_tracked!.zero_();
        }
    }

    /// <summary>Resets the running statistics, weight to ones and bias to zeros.</summary>
    public void reset_parameters()
    {
        reset_running_stats();
        if (affine)
        {
            torch.nn.init.ones_(weight!);
            torch.nn.init.zeros_(bias!);
        }
    }

    /// <summary>[N, C, H, W] → same shape, normalised per channel.</summary>
    /// <exception cref="ArgumentException">The input is not 4-D.</exception>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4)
        {
            throw new ArgumentException($"BatchNorm2d expected 4D input (got {input.dim()}D input).", nameof(input));
        }
        // 1. The factor of the running-average update (PyTorch's exponential_average_factor).
        var factor = momentum ?? 0.0;
        if (training && track_running_stats)
        {
            using var noGrad = torch.no_grad();
            num_batches_tracked!.add_(1);
            factor = momentum ?? 1.0 / num_batches_tracked.item<long>();
        }
        // 2. Batch statistics in training, or when there are no running statistics to use.
        var useBatchStats = training || (running_mean is null && running_var is null);
        // 3. Running statistics are read in eval, and updated in training only when tracked.
        var passStats = !training || track_running_stats;
        return F.batch_norm(input, passStats ? running_mean : null, passStats ? running_var : null,
            weight, bias, useBatchStats, factor, eps);
    }
}
