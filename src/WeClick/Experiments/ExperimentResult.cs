using WeClick.Evaluation;

namespace WeClick.Experiments;

/// <summary>What <see cref="ExperimentRunner.Run(PaperExperiment, Sweep, SweepOptions)"/> returns: the sweep's rows and,
/// where the experiment asks, the size and speed of its networks and the ground truth's temporal consistency.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Sweep">The sweep's result (rows read back from the store).</param>
/// <param name="Profiles">Row label → #params and inference latency of its network (<see cref="PaperExperiment.ProfilesNetworks"/>:
/// Table 1, Table 4, Fig. 2); empty for the other experiments.</param>
/// <param name="Reference">The ground-truth labels' temporal consistency, the reference for the rows' TC
/// (<see cref="PaperExperiment.MeasuresConsistencyReference"/> and <c>evaluation.temporalFrames</c> ≥ 2); else null.</param>
public sealed record ExperimentResult(PaperExperiment Experiment, SweepResult Sweep, IReadOnlyDictionary<string, ModelProfile> Profiles,
    GroundTruthConsistency? Reference = null)
{
    /// <summary>The config the experiment ran on (its sweep's base).</summary>
    public ExperimentConfig Config => Sweep.Sweep.Base;
}
