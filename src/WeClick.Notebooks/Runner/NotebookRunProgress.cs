using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Runner;

/// <summary>A code cell starting or finishing during a run.</summary>
/// <param name="CellIndex">The cell's 0-based position in the (parameterized) notebook.</param>
/// <param name="CodeCellNumber">1-based position among the cells that run.</param>
/// <param name="CodeCellCount">How many cells run in all.</param>
/// <param name="Finished">False when the cell starts, true when it has finished.</param>
/// <param name="Elapsed">The cell's run time (zero when starting).</param>
/// <param name="Error">The cell's error, when it finished with one.</param>
public sealed record NotebookRunProgress(int CellIndex, int CodeCellNumber, int CodeCellCount, bool Finished, TimeSpan Elapsed, CellError? Error);
