namespace WeClick.Experiments;

/// <summary>A sweep as the results store keeps it (table <c>sweeps</c>), with how many runs it groups.</summary>
/// <param name="Id">Its id in the store.</param>
/// <param name="Name">The experiment's name (<c>table2</c>).</param>
/// <param name="Experiment">The config's name its runs are stored under (<c>quick</c>).</param>
/// <param name="Key">Eight hex digits of its definition (<see cref="Sweep.Key"/>).</param>
/// <param name="Definition">The definition as JSON (<see cref="Sweep.DefinitionJson"/>).</param>
/// <param name="Created">When it was first run.</param>
/// <param name="Runs">How many runs it groups (teachers included).</param>
public sealed record SweepRecord(long Id, string Name, string Experiment, string Key, string Definition, DateTimeOffset Created, int Runs);
