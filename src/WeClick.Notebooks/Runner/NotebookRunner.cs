using System.Diagnostics;
using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Runner;

/// <summary>
/// Runs a notebook headless, papermill-style: parameters injected after the <c>parameters</c> cell, C# code cells
/// executed in order by an <see cref="ICellExecutor"/>, outputs collected as nbclient collects them, the first error
/// stopping the run. Code cells written for another kernel (a Polyglot notebook's F#, PowerShell… cells, see
/// <see cref="CellLanguage"/>) are skipped, each with a stderr output and a progress report that name its language. Every time-dependent value goes only under the cells' and notebook's <c>metadata.papermill</c> and
/// the cells' <c>metadata.execution</c>, so a run compares equal to an nbconvert run once those keys are ignored.
/// </summary>
public static class NotebookRunner
{
    /// <summary>nbclient's tag for a cell expected to fail: its error is kept and the run goes on.</summary>
    public const string RaisesExceptionTag = "raises-exception";

    /// <summary>nbclient's tag for a cell that is not run.</summary>
    public const string SkipExecutionTag = "skip-execution";

    /// <summary>
    /// Runs a copy of <paramref name="notebook"/>; the copy, with its outputs, is the result's notebook and is written to
    /// <see cref="NotebookRunOptions.OutputPath"/> (when given) also when a cell fails or the run is cancelled.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled (the output is written first).</exception>
    /// <exception cref="NotebookFormatException">The notebook has code cells but none in C# (nothing is run or written).</exception>
    public static async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, NotebookRunOptions options, ICellExecutor executor,
        IProgress<NotebookRunProgress>? progress, CancellationToken cancel)
    {
        var nb = notebook.Clone();
        var (_, injectWarnings) = ParameterInjector.Inject(nb, options.Parameters);
        var runnable = Enumerable.Range(0, nb.Cells.Count).Where(i => Visits(nb.Cells[i])).ToList();
        // The injected parameters are C# whatever the notebook's default kernel (an F#-default notebook's included).
        var kernels = runnable.ToDictionary(i => i, i => nb.Cells[i].HasTag(ParameterInjector.InjectedTag) ? CellKernel.CSharp : CellLanguage.Of(nb, nb.Cells[i]));
        var warnings = injectWarnings.Concat(RunLanguages.Check(nb, runnable.Select(i => kernels[i]).ToList(), options.InputPath)).ToList();
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var papermill = StartMetadata(nb, options, started);
        foreach (var i in runnable)
        {
            nb.Cells[i].ClearOutputs();
            nb.Cells[i].Metadata["papermill"] = CellMetadata("pending", null, null, null, null);
            nb.Cells[i].Metadata.Remove("execution");
        }

        var gate = new object();
        var displays = new Dictionary<string, List<DisplayDataOutput>>(StringComparer.Ordinal);
        var runs = new List<CellRun>();
        CellRun? failure = null;
        try
        {
            for (var n = 0; n < runnable.Count; n++)
            {
                cancel.ThrowIfCancellationRequested();
                var position = new RunPosition(n + 1, runnable.Count);
                if (!kernels[runnable[n]].IsCSharp)
                {
                    runs.Add(Skip(nb, runnable[n], kernels[runnable[n]], position, progress));
                    continue;
                }
                var run = await RunCellAsync(nb, runnable[n], executor, new CollectingOutputSink(nb.Cells[runnable[n]].Outputs, displays, gate),
                    position, progress, cancel);
                runs.Add(run);
                if (run.Error is null || nb.Cells[run.CellIndex].HasTag(RaisesExceptionTag))
                {
                    continue;
                }
                failure ??= run;
                if (!options.AllowErrors)
                {
                    break;
                }
            }
        }
        finally
        {
            papermill["end_time"] = RunTimestamps.Papermill(DateTime.UtcNow);
            papermill["duration"] = RunTimestamps.Seconds(clock.Elapsed);
            papermill["exception"] = failure is not null || cancel.IsCancellationRequested;
            if (options.OutputPath is not null)
            {
                lock (gate)
                {
                    nb.Save(options.OutputPath); // cells may have started threads that still write outputs
                }
            }
        }
        cancel.ThrowIfCancellationRequested();
        return new NotebookRunResult(nb, runs, failure, warnings, clock.Elapsed);
    }

    /// <summary>
    /// Whether the run executes <paramref name="cell"/>: a non-empty C# code cell (<see cref="CellLanguage.Of"/>) not tagged
    /// <c>skip-execution</c> (nbclient skips blank cells). Non-empty code cells in other languages are reported skipped.
    /// </summary>
    public static bool Runs(NotebookDocument notebook, NotebookCell cell) => Visits(cell) && CellLanguage.Of(notebook, cell).IsCSharp;

    /// <summary>A code cell the run runs or reports skipped: not blank, not tagged <c>skip-execution</c>.</summary>
    private static bool Visits(NotebookCell cell) =>
        cell.CellType == NotebookCellType.Code && !string.IsNullOrWhiteSpace(cell.Source) && !cell.HasTag(SkipExecutionTag);

    private sealed record RunPosition(int Number, int Count);

    /// <summary>A cell in another language: not run, its outputs replaced by one stderr line that says so (as the kernel does).</summary>
    private static CellRun Skip(NotebookDocument nb, int index, CellKernel kernel, RunPosition position, IProgress<NotebookRunProgress>? progress)
    {
        var cell = nb.Cells[index];
        cell.Outputs.Add(new StreamOutput("stderr", kernel.SkipMessage + "\n"));
        cell.Metadata["papermill"] = CellMetadata("skipped", null, null, null, false);
        progress?.Report(new NotebookRunProgress(index, position.Number, position.Count, true, TimeSpan.Zero, null, kernel));
        return new CellRun(index, 0, TimeSpan.Zero, null, kernel);
    }

    private static async Task<CellRun> RunCellAsync(NotebookDocument nb, int index, ICellExecutor executor, CollectingOutputSink sink,
        RunPosition position, IProgress<NotebookRunProgress>? progress, CancellationToken cancel)
    {
        var cell = nb.Cells[index];
        var start = DateTime.UtcNow;
        var startStamp = RunTimestamps.Nbclient(start);
        cell.Metadata["papermill"] = CellMetadata("running", start, null, null, false);
        progress?.Report(new NotebookRunProgress(index, position.Number, position.Count, false, TimeSpan.Zero, null));
        var clock = Stopwatch.StartNew();
        // A #!csharp first line is blanked, not removed: compile errors keep the cell's line numbers.
        var outcome = await executor.ExecuteAsync(CellLanguage.CSharpSource(cell.Source), sink, cancel);
        var elapsed = clock.Elapsed;
        var end = DateTime.UtcNow;

        if (outcome.Result is { } result)
        {
            sink.Add(new ExecuteResultOutput(result, outcome.ExecutionCount));
        }
        if (outcome.Error is { } error)
        {
            sink.Add(new ErrorOutput(error));
        }
        cell.ExecutionCount = outcome.ExecutionCount;
        cell.Metadata["papermill"] = CellMetadata(outcome.Error is null ? "completed" : "failed", start, end, elapsed, outcome.Error is not null);
        var endStamp = RunTimestamps.Nbclient(end);
        cell.Metadata["execution"] = new JsonObject
        {
            ["iopub.execute_input"] = startStamp,
            ["iopub.status.busy"] = startStamp,
            ["iopub.status.idle"] = endStamp,
            ["shell.execute_reply"] = endStamp,
        };
        progress?.Report(new NotebookRunProgress(index, position.Number, position.Count, true, elapsed, outcome.Error));
        return new CellRun(index, outcome.ExecutionCount, elapsed, outcome.Error);
    }

    private static JsonObject StartMetadata(NotebookDocument nb, NotebookRunOptions options, DateTime started)
    {
        var defaults = new JsonObject();
        foreach (var declaration in ParameterCellScanner.Scan(nb))
        {
            defaults[declaration.Name] = declaration.DefaultValue; // the C# initializer as written
        }
        var papermill = new JsonObject
        {
            ["default_parameters"] = defaults,
            ["parameters"] = ParameterInjector.ToJson(options.Parameters),
            ["environment_variables"] = new JsonObject(),
            ["input_path"] = options.InputPath,
            ["output_path"] = options.OutputPath,
            ["start_time"] = RunTimestamps.Papermill(started),
            ["end_time"] = null,
            ["duration"] = null,
            ["exception"] = null,
        };
        nb.Metadata["papermill"] = papermill;
        return papermill;
    }

    // papermill's per-cell record (papermill/engines.py NotebookExecutionManager): status pending → running → completed | failed.
    private static JsonObject CellMetadata(string status, DateTime? start, DateTime? end, TimeSpan? duration, bool? exception) => new()
    {
        ["status"] = status,
        ["start_time"] = start is { } s ? RunTimestamps.Papermill(s) : null,
        ["end_time"] = end is { } e ? RunTimestamps.Papermill(e) : null,
        ["duration"] = duration is { } d ? RunTimestamps.Seconds(d) : null,
        ["exception"] = exception,
    };
}
