using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Tests.Execution;

/// <summary>One executor for the tests that do not depend on cell numbers (Roslyn's first compile costs seconds).</summary>
public sealed class SharedExecutorFixture : IDisposable
{
    public CSharpCellExecutor Executor { get; } = new();

    /// <summary>Runs a cell with a 60 s limit, failing the test instead of hanging.</summary>
    public Task<CellOutcome> Run(string code, RecordingSink? sink = null) => ExecutorTesting.Run(Executor, code, sink);

    public void Dispose() => Executor.Dispose();
}

internal static class ExecutorTesting
{
    public static async Task<CellOutcome> Run(ICellExecutor executor, string code, RecordingSink? sink = null, CancellationToken cancel = default)
    {
        var outcome = await executor.ExecuteAsync(code, sink ?? new RecordingSink(), cancel).WaitAsync(TimeSpan.FromSeconds(60));
        return outcome;
    }

    /// <summary>Runs a cell that must succeed; its error, if any, fails the test with the traceback.</summary>
    public static async Task<CellOutcome> RunOk(ICellExecutor executor, string code, RecordingSink? sink = null)
    {
        var outcome = await Run(executor, code, sink);
        Assert.True(outcome.Succeeded, $"{outcome.Error?.Name}: {outcome.Error?.Message}\n{string.Join("\n", outcome.Error?.Traceback ?? [])}");
        return outcome;
    }
}
