namespace WeClick.Notebooks.Execution;

/// <summary>
/// Runs C# cells one after another in one shared state — the contract between the execution engine and its two
/// drivers, the Jupyter kernel and the headless runner. One cell runs at a time.
/// </summary>
public interface ICellExecutor : IDisposable
{
    /// <summary>How many cells have been submitted (Jupyter's <c>execution_count</c> of the last one; 0 before the first).</summary>
    int ExecutionCount { get; }

    /// <summary>
    /// Runs one cell. Outputs stream to <paramref name="sink"/> while it runs; its last expression (no semicolon), if any,
    /// comes back as <see cref="CellOutcome.Result"/>. Compilation errors and exceptions come back as
    /// <see cref="CellOutcome.Error"/> (never thrown). Cancelling <paramref name="cancel"/> (a Jupyter interrupt) stops a
    /// running cell — loops included — and yields an error named <c>OperationCanceledException</c>.
    /// </summary>
    Task<CellOutcome> ExecuteAsync(string code, IOutputSink sink, CancellationToken cancel);

    /// <summary>Whether <paramref name="code"/> is a complete submission (Jupyter <c>is_complete_request</c>).</summary>
    CodeCompleteness IsComplete(string code);

    /// <summary>Completions at <paramref name="cursor"/> (a UTF-16 offset into <paramref name="code"/>).</summary>
    CompletionResult Complete(string code, int cursor);

    /// <summary>A description of the symbol at <paramref name="cursor"/> (type, signature, documentation), or null.</summary>
    string? Inspect(string code, int cursor);
}
