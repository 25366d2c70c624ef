namespace WeClick.Experiments;

/// <summary>A run of a sweep (table <c>sweep_runs</c>): the run, the point it trains and the point's axis values.</summary>
/// <param name="Run">The run.</param>
/// <param name="Point">The point's label (<see cref="SweepPoint.Label"/>), or <c>teacher weakly</c>/<c>teacher dense</c> for a
/// teacher the sweep trained.</param>
/// <param name="AxisValues">Axis name → value label; empty for teachers.</param>
public sealed record SweepMember(RunRecord Run, string Point, IReadOnlyDictionary<string, string> AxisValues);
