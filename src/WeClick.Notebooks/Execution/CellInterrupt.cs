namespace WeClick.Notebooks.Execution;

/// <summary>
/// The cooperative interrupt check that <see cref="InterruptInjector"/> writes into every loop body of a cell, so that a
/// Jupyter interrupt stops even <c>while (true) { }</c>. The token belongs to the running cell and flows (as an
/// <see cref="AsyncLocal{T}"/>) to the tasks and threads the cell starts, so executors in the same process do not
/// interrupt each other; a process-wide count of cancelled cells keeps the check to one volatile read while nothing
/// is being interrupted.
/// </summary>
public static class CellInterrupt
{
    private static readonly AsyncLocal<CancellationToken> RunningCell = new();
    private static int _cancelledCells;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell has been interrupted.</summary>
    public static void ThrowIfRequested()
    {
        if (Volatile.Read(ref _cancelledCells) != 0)
        {
            RunningCell.Value.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The running cell's token (<see cref="CancellationToken.None"/> outside a cell).</summary>
    public static CancellationToken Current => RunningCell.Value;

    /// <summary>Makes <paramref name="cancel"/> the token of the code that runs in the current execution context
    /// (called on the cell's thread before the cell starts).</summary>
    internal static void Enter(CancellationToken cancel) => RunningCell.Value = cancel;

    /// <summary>Arms the checks for every cell (called when a cell's token is cancelled); undo with <see cref="Disarm"/>.</summary>
    internal static void Arm() => Interlocked.Increment(ref _cancelledCells);

    /// <summary>Undoes one <see cref="Arm"/> once the interrupted cell has ended.</summary>
    internal static void Disarm() => Interlocked.Decrement(ref _cancelledCells);
}
