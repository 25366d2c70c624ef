using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>What <see cref="Reproduction.Run"/> needs besides the config.</summary>
public sealed record ReproductionOptions
{
    /// <summary>The workspace: the results store, run folders, the flow cache and the report go here.</summary>
    public required string Workspace { get; init; }

    /// <summary>Progress text (one line per stage).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The training observer for a run, given its title (e.g. <c>student weakly+KD seed 1</c>); null = none.</summary>
    public Func<string, Action<TrainingUpdate>?>? ObserverFor { get; init; }

    /// <summary>Stops between steps; a later run resumes.</summary>
    public CancellationToken Cancellation { get; init; }
}
