using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>Where a sweep runs and what watches it.</summary>
public sealed record SweepOptions
{
    /// <summary>The workspace folder: results store, run folders, flow cache, reports.</summary>
    public required string Workspace { get; init; }

    /// <summary>One line per event (plan, each run's result, time left, warnings); null = none.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>A per-run progress observer for a run's title; null = none.</summary>
    public Func<string, Action<TrainingUpdate>?>? ObserverFor { get; init; }

    /// <summary>
    /// Called once the sweep's own checks passed (every point's clips and temporal-consistency runs can be formed), before
    /// the first run trains: a caller's checks that must fail before long work, too (<see cref="ExperimentRunner"/> measures
    /// the ground truth's temporal consistency there). Null = none.
    /// </summary>
    public Action? Checked { get; init; }

    /// <summary>Show the plan (each run, to train or reused, and the time estimate) and stop: nothing is trained, no data
    /// rendered, no store created.</summary>
    public bool PlanOnly { get; init; }

    /// <summary>Stops the current run between steps; its checkpoint lets the next call resume it.</summary>
    public CancellationToken Cancellation { get; init; }
}
