using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>The finished runs of one (role, variant) of an experiment, over seeds: each final metric as mean ± std.</summary>
/// <param name="Role">Teacher or student.</param>
/// <param name="Variant">The Table 1 row.</param>
/// <param name="Seeds">The seeds of the runs summarised, ascending.</param>
/// <param name="Metrics">Each final metric's summary over the runs that logged it, by name.</param>
public sealed record RunGroupSummary(TrainingRole Role, string Variant, IReadOnlyList<int> Seeds, IReadOnlyDictionary<string, SeedSummary> Metrics);
