namespace WeClick.Experiments;

/// <summary>
/// An experiment of the paper (or an ablation it leaves open) by name: what it varies, how it is scaled on the CPU preset,
/// and the sweep it makes of a preset (<c>weclick reproduce --experiment NAME --preset PRESET</c>).
/// </summary>
/// <param name="Name">Its name (<c>table2</c>, <c>ablation-kl-direction</c>).</param>
/// <param name="Varies">What its rows vary, one line.</param>
/// <param name="OnQuick">How it is scaled on the <c>quick</c> preset, where it must fit a CPU; empty = as on any preset.</param>
/// <param name="Chart">The chart its report draws.</param>
/// <param name="Build">The sweep it makes of a preset's config.</param>
public sealed record PaperExperiment(string Name, string Varies, string OnQuick, ExperimentChart Chart, Func<ExperimentConfig, Sweep> Build)
{
    /// <summary>Whether its report puts size and speed beside accuracy: #Params and FPS of every network it trains
    /// (<see cref="ExperimentRunner"/> measures each once).</summary>
    public bool ProfilesNetworks { get; init; }

    /// <summary>Whether it measures the ground-truth labels' temporal consistency (where <c>evaluation.temporalFrames</c> ≥ 2),
    /// the reference its rows' TC is read against (<see cref="GroundTruthConsistency"/>), before any training.</summary>
    public bool MeasuresConsistencyReference { get; init; }
}
