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

    /// <summary>
    /// Also train the upper bound: the teacher and the student on dense labels with plain cross-entropy
    /// (<see cref="Reproduction.DenseLoss"/>), one teacher and one student per seed. On by default: every table shows what
    /// the clicks cost.
    /// </summary>
    public bool UpperBound { get; init; } = true;

    /// <summary>Stops between steps; a later run resumes.</summary>
    public CancellationToken Cancellation { get; init; }
}
