using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Runner;

/// <summary>What a headless run produced.</summary>
/// <param name="Notebook">The executed notebook (a copy: the input is not changed).</param>
/// <param name="Cells">The executed cells, in order.</param>
/// <param name="Failure">The cell that stopped the run (or, with <see cref="NotebookRunOptions.AllowErrors"/>, the first that failed), or null.</param>
/// <param name="Warnings">Papermill's warnings (unknown parameters).</param>
/// <param name="Duration">The whole run's time.</param>
public sealed record NotebookRunResult(NotebookDocument Notebook, IReadOnlyList<CellRun> Cells, CellRun? Failure, IReadOnlyList<string> Warnings, TimeSpan Duration)
{
    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Failure is null;
}
