using WeClick.Notebooks.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Runner;

/// <summary>
/// A test double for the engine: each line of a cell is a command — <c>print:X</c> / <c>err:X</c> (a line on
/// stdout/stderr), <c>display:X</c>, <c>show:ID:X</c> (a display with an id), <c>update:ID:X</c>, <c>result:X</c>,
/// <c>fail:MESSAGE</c>. Other lines (parameter cells' C#) are only recorded.
/// </summary>
internal sealed class ScriptedExecutor : ICellExecutor
{
    public List<string> Executed { get; } = [];

    public int ExecutionCount { get; private set; }

    public Task<CellOutcome> ExecuteAsync(string code, IOutputSink sink, CancellationToken cancel)
    {
        Executed.Add(code);
        var count = ++ExecutionCount;
        MimeBundle? result = null;
        foreach (var line in code.Split('\n'))
        {
            var parts = line.Split(':', 3);
            switch (parts[0])
            {
                case "print": sink.Stream("stdout", parts[1] + "\n"); break;
                case "err": sink.Stream("stderr", parts[1] + "\n"); break;
                case "display": sink.Display(new MimeBundle(parts[1]).With("text/html", $"<b>{parts[1]}</b>"), null); break;
                case "show": sink.Display(new MimeBundle(parts[2]), parts[1]); break;
                case "update": sink.UpdateDisplay(new MimeBundle(parts[2]), parts[1]); break;
                case "result": result = new MimeBundle(parts[1]); break;
                case "fail":
                    return Task.FromResult(new CellOutcome(count, null, new CellError("InvalidOperationException", parts[1], [$"InvalidOperationException: {parts[1]}", $"   at Cell {count}, line 1"])));
            }
        }
        return Task.FromResult(new CellOutcome(count, result, null));
    }

    public CodeCompleteness IsComplete(string code) => new(CodeCompletenessStatus.Complete);

    public CompletionResult Complete(string code, int cursor) => new([], cursor, cursor);

    public string? Inspect(string code, int cursor) => null;

    public void Dispose()
    {
    }
}
