using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Runner;

/// <summary>A code cell starting, finishing or being skipped during a run.</summary>
/// <param name="CellIndex">The cell's 0-based position in the (parameterized) notebook.</param>
/// <param name="CodeCellNumber">1-based position among the code cells the run goes through (run or skipped).</param>
/// <param name="CodeCellCount">How many code cells the run goes through in all.</param>
/// <param name="Finished">False when the cell starts, true when it has finished (or was skipped).</param>
/// <param name="Elapsed">The cell's run time (zero when starting or skipped).</param>
/// <param name="Error">The cell's error, when it finished with one.</param>
/// <param name="Skipped">The kernel of a cell that is not C# and so was skipped (reported once, as finished), or null.</param>
public sealed record NotebookRunProgress(int CellIndex, int CodeCellNumber, int CodeCellCount, bool Finished, TimeSpan Elapsed, CellError? Error,
    CellKernel? Skipped = null);
