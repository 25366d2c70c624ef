using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>One row of the store's <c>runs</c> table.</summary>
/// <param name="Id">The run's id in the store.</param>
/// <param name="Experiment">The experiment's name (the config's <c>name</c>).</param>
/// <param name="Role">Teacher or student.</param>
/// <param name="Variant">The Table 1 row, e.g. <c>weakly</c>, <c>weakly+KD</c>, <c>weakly+KD+MFD</c>.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="ConfigJson">The effective config as JSON (ConfigFile.ToJson).</param>
/// <param name="Status">Running, finished or failed.</param>
/// <param name="Started">Start time (UTC).</param>
/// <param name="Ended">End time (UTC), null while running.</param>
/// <param name="Checkpoint">The checkpoint's path, if any.</param>
/// <param name="Message">Why the run failed, if it did.</param>
public sealed record RunRecord(
    long Id, string Experiment, TrainingRole Role, string Variant, int Seed, string ConfigJson, RunStatus Status,
    DateTimeOffset Started, DateTimeOffset? Ended, string? Checkpoint, string? Message);
