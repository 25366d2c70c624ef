using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>Which runs a query returns; a null field matches every run.</summary>
/// <param name="Experiment">Only this experiment.</param>
/// <param name="Role">Only this role.</param>
/// <param name="Variant">Only this variant.</param>
/// <param name="Status">Only runs in this state.</param>
public sealed record RunFilter(string? Experiment = null, TrainingRole? Role = null, string? Variant = null, RunStatus? Status = null);
