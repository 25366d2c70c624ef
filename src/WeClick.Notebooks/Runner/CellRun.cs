using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Runner;

/// <summary>One executed cell of a run.</summary>
/// <param name="CellIndex">0-based position in the executed notebook.</param>
/// <param name="ExecutionCount">Its <c>In [k]</c> number.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Error">Its error, or null.</param>
public sealed record CellRun(int CellIndex, int ExecutionCount, TimeSpan Duration, CellError? Error);
