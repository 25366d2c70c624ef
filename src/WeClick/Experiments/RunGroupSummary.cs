using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// The finished runs of one (role, variant) of an experiment with one config, over seeds: each final metric as mean ± std.
/// Runs of the same role and variant whose configs differ in more than their seeds (a teacher with and without the Gated
/// CRF in one workspace, say) are separate groups, so a mean never mixes two settings.
/// </summary>
/// <param name="Role">Teacher or student.</param>
/// <param name="Variant">The Table 1 row.</param>
/// <param name="Seeds">The seeds of the runs summarised, ascending.</param>
/// <param name="Metrics">Each final metric's summary over the runs that logged it, by name.</param>
/// <param name="Config">
/// Eight hex digits of the runs' recorded config without its <c>seeds</c> (<see cref="ResultStore.ConfigKey"/>): what tells
/// two groups of one role and variant apart. Empty where a summary was built by hand.
/// </param>
public sealed record RunGroupSummary(TrainingRole Role, string Variant, IReadOnlyList<int> Seeds, IReadOnlyDictionary<string, SeedSummary> Metrics, string Config = "");
