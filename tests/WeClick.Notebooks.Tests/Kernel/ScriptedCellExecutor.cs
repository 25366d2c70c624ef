using System.Collections.Concurrent;
using WeClick.Notebooks.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Kernel;

/// <summary>
/// A test double for the engine, so that the kernel is tested on its own: every cell echoes its code to stdout, then
/// <c>result</c> returns a bundle, <c>display</c> shows and updates a display, <c>fail</c> fails, <c>slowfail</c> fails after 300 ms, <c>input</c> reads a line from Console.In, <c>loop</c> runs until
/// cancelled. It records what it ran, so a test can show that a rejected message executed nothing.
/// </summary>
internal sealed class ScriptedCellExecutor : ICellExecutor
{
    private int _count;

    public ConcurrentQueue<string> Executed { get; } = new();
    public ConcurrentQueue<(string Code, int Cursor)> CompletionRequests { get; } = new();
    public bool Disposed { get; private set; }

    public int ExecutionCount => _count;

    public async Task<CellOutcome> ExecuteAsync(string code, IOutputSink sink, CancellationToken cancel)
    {
        var count = Interlocked.Increment(ref _count);
        Executed.Enqueue(code);
        sink.Stream("stdout", $"ran: {code}\n");
        switch (code)
        {
            case "result":
                return new CellOutcome(count, new MimeBundle("42").With("text/html", "<b>42</b>"), null);
            case "display":
                sink.Display(new MimeBundle("0 %"), "progress");
                sink.UpdateDisplay(new MimeBundle("100 %"), "progress");
                return new CellOutcome(count, null, null);
            case "fail":
                return new CellOutcome(count, null, new CellError("InvalidOperationException", "boom", ["InvalidOperationException: boom", "   at cell 1, line 1"]));
            case "input":
                // The kernel's sink answers a cell's input with an input_request to the frontend (the C# executor
                // routes Console.In to it).
                sink.Stream("stdout", $"got: {((IConsoleInput)sink).ReadLine()}\n");
                return new CellOutcome(count, null, null);
            case "slowfail":
                await Task.Delay(300, cancel);
                return new CellOutcome(count, null, new CellError("InvalidOperationException", "slow boom", ["InvalidOperationException: slow boom"]));
            case "loop":
                try
                {
                    await Task.Delay(Timeout.Infinite, cancel);
                }
                catch (OperationCanceledException)
                {
                    return new CellOutcome(count, null, new CellError("OperationCanceledException", "The cell was interrupted.", ["OperationCanceledException: The cell was interrupted."]));
                }
                return new CellOutcome(count, null, null);
            default:
                return new CellOutcome(count, null, null);
        }
    }

    /// <summary>An open brace is incomplete, a stray closing brace invalid.</summary>
    public CodeCompleteness IsComplete(string code)
    {
        var depth = code.Count(c => c == '{') - code.Count(c => c == '}');
        return depth > 0 ? new CodeCompleteness(CodeCompletenessStatus.Incomplete, "    ")
            : depth < 0 ? new CodeCompleteness(CodeCompletenessStatus.Invalid)
            : new CodeCompleteness(CodeCompletenessStatus.Complete);
    }

    /// <summary>Members of a string starting with the identifier before the cursor (UTF-16 offsets, as the contract says).</summary>
    public CompletionResult Complete(string code, int cursor)
    {
        CompletionRequests.Enqueue((code, cursor));
        var start = cursor;
        while (start > 0 && char.IsAsciiLetter(code[start - 1]))
        {
            start--;
        }
        var prefix = code[start..cursor];
        string[] members = ["Length", "LastIndexOf", "Substring"];
        return new CompletionResult(members.Where(m => m.StartsWith(prefix, StringComparison.Ordinal)).ToArray(), start, cursor);
    }

    public string? Inspect(string code, int cursor) => code.Contains("Length", StringComparison.Ordinal) ? "int string.Length { get; }" : null;

    public void Dispose() => Disposed = true;
}
