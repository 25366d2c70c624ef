using WeClick.Models;
using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>What a caller attaches to a training run of an experiment.</summary>
public sealed record TrainingHooks
{
    /// <summary>Progress updates (terminal bar, notebook plot, results store).</summary>
    public Action<TrainingUpdate>? Observer { get; init; }

    /// <summary>Validation of the model being trained (metrics with <c>mIoU</c>); null = none.</summary>
    public Func<Segmentor, IReadOnlyDictionary<string, double>>? Validate { get; init; }

    /// <summary>Continue from the run folder's last checkpoint when there is one (default).</summary>
    public bool Resume { get; init; } = true;

    /// <summary>Stops the run between steps.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Warnings about the run, one line each, printed once per run (e.g. clips whose neighbours fell back to other
    /// frames); null = standard error, so they are never silent.</summary>
    public Action<string>? Log { get; init; }
}
