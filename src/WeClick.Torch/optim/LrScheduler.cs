namespace WeClick.Torch.Optim;

/// <summary>
/// Sets every parameter group's learning rate from a schedule of (iteration, the group's initial lr), as
/// PyTorch's <c>lr_scheduler</c>: construction records each group's <c>initial_lr</c> and applies iteration 0;
/// each <see cref="step"/> (after <c>optimizer.step()</c>) advances one iteration. Groups keep their ratios
/// (a backbone at 0.1× the head's lr stays at 0.1×).
/// </summary>
/// <example>
/// Poly decay with 1,500 warm-up iterations from 1e-6×:
/// <code>
/// var scheduler = new LrScheduler(optimizer, (i, lr) =>
///     Schedules.Poly(i, lr, maxIters: 40_000, power: 1.0) * Schedules.LinearWarmup(i, 1_500, 1e-6));
/// </code>
/// </example>
public sealed class LrScheduler
{
    private readonly Optimizer _optimizer;
    private readonly Func<long, double, double> _schedule;

    /// <summary>Attaches <paramref name="schedule"/> to <paramref name="optimizer"/> and applies iteration <paramref name="last_epoch"/>.</summary>
    /// <param name="optimizer">The optimiser whose groups are scheduled.</param>
    /// <param name="schedule">(iteration, initial lr) → lr.</param>
    /// <param name="last_epoch">The iteration to start at (0 for a new run; the saved value to resume).</param>
    public LrScheduler(Optimizer optimizer, Func<long, double, double> schedule, long last_epoch = 0)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedule);
        _optimizer = optimizer;
        _schedule = schedule;
        foreach (var group in optimizer.param_groups)
        {
            group.initial_lr ??= group.lr;
        }
        this.last_epoch = last_epoch;
        Apply();
    }

    /// <summary>The iteration whose learning rate is in effect.</summary>
    public long last_epoch { get; private set; }

    /// <summary>Advances one iteration and sets the learning rates.</summary>
    public void step()
    {
        last_epoch++;
        Apply();
    }

    /// <summary>The learning rate of each group, as set at <see cref="last_epoch"/>.</summary>
    public IReadOnlyList<double> get_last_lr() => _optimizer.param_groups.Select(g => g.lr).ToArray();

    private void Apply()
    {
        foreach (var group in _optimizer.param_groups)
        {
            group.lr = _schedule(last_epoch, group.initial_lr!.Value);
        }
    }
}
