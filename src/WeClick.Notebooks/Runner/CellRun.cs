using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Runner;

/// <summary>One code cell of a run: executed, or skipped because it is written for another kernel than C#.</summary>
/// <param name="CellIndex">0-based position in the executed notebook.</param>
/// <param name="ExecutionCount">Its <c>In [k]</c> number (0 for a skipped cell, which keeps a null execution count).</param>
/// <param name="Duration">How long it ran (zero when skipped).</param>
/// <param name="Error">Its error, or null.</param>
/// <param name="Skipped">The kernel of a cell that was not run (an F# cell, a PowerShell cell…), or null when it ran.</param>
public sealed record CellRun(int CellIndex, int ExecutionCount, TimeSpan Duration, CellError? Error, CellKernel? Skipped = null);
