using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using WeClick.Notebooks.Display;

namespace WeClick.Notebooks.Execution;

// One cell's run on its own thread, and the escalation of an interrupt (check → Thread.Interrupt → abandon).
public sealed partial class CSharpCellExecutor
{
    private sealed class CellRun(
        CSharpCellExecutor executor, string cellCode, int count, ScriptState<object>? start, CellOutput output, CancellationToken cancel)
    {
        private readonly TaskCompletionSource<(CellOutcome Outcome, ScriptState<object>? State)> _done =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Thread? _thread;
        private volatile bool _inUserCode;
        private int _armed; // 0: not interrupted, 1: interrupt checks armed, 2: cell ended

        /// <summary>The outcome, and the state the next cell continues from (null: keep the previous one).</summary>
        public async Task<(CellOutcome Outcome, ScriptState<object>? State)> RunAsync()
        {
            _thread = new Thread(Body, CellStackSize) { IsBackground = true, Name = $"WeClick cell [{count}]" };
            _thread.Start();
            using var registration = cancel.Register(OnCancel);
            try
            {
                return await _done.Task.ConfigureAwait(false);
            }
            finally
            {
                output.Close();
            }
        }

        private void OnCancel()
        {
            if (Interlocked.CompareExchange(ref _armed, 1, 0) == 0)
            {
                CellInterrupt.Arm();
                _ = EscalateAsync();
            }
        }

        private async Task EscalateAsync()
        {
            await Task.Delay(WakeAfter).ConfigureAwait(false);
            if (_done.Task.IsCompleted)
            {
                return;
            }
            if (_inUserCode)
            {
                _thread!.Interrupt();
            }
            await Task.Delay(AbandonAfter - WakeAfter).ConfigureAwait(false);
            _done.TrySetResult((new CellOutcome(count, null, CellErrors.Interruption(null)), null));
        }

        private void Body()
        {
            ConsoleCapture.Enter(output);
            CellInterrupt.Enter(cancel);
            executor._globals.Output = output;
            (CellOutcome, ScriptState<object>?) result;
            try
            {
                result = Execute();
            }
            catch (Exception e) when (cancel.IsCancellationRequested && IsInterruption(e))
            {
                result = (new CellOutcome(count, null, CellErrors.Interruption(e)), null);
            }
            catch (Exception e)
            {
                result = (new CellOutcome(count, null, CellErrors.Runtime(e)), null);
            }
            finally
            {
                if (Interlocked.Exchange(ref _armed, 2) == 1)
                {
                    CellInterrupt.Disarm();
                }
            }
            try
            {
                output.Flush();
            }
            catch (ThreadInterruptedException)
            {
                // The interrupt arrived as the cell ended; the outcome below already says what happened.
            }
            _done.TrySetResult(result);
        }

        private (CellOutcome, ScriptState<object>?) Execute()
        {
            // #r "nuget: ..." and #i "nuget: ..." lines restore and load packages first (their lines are left empty).
            var (code, packageError) = executor.ApplyPackageDirectives(cellCode, output, cancel);
            if (packageError is not null)
            {
                return (new CellOutcome(count, null, packageError), null);
            }
            var instrumented = InterruptInjector.Instrument(code, executor._parseOptions);
            var script = executor.Continue(start, instrumented, count);
            var diagnostics = script.Compile(cancel);
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                // Report positions in the code as typed (the checks shift columns on lines with loops).
                if (!ReferenceEquals(instrumented, code))
                {
                    diagnostics = executor.Continue(start, code, count).Compile(cancel);
                }
                return (new CellOutcome(count, null, CellErrors.Compilation(diagnostics)), null);
            }
            ScriptState<object> state;
            _inUserCode = true;
            try
            {
                var running = start is null
                    ? script.RunAsync(executor._globals, _ => true, cancel)
                    : script.RunFromAsync(start, _ => true, cancel);
                state = running.GetAwaiter().GetResult();
            }
            finally
            {
                _inUserCode = false;
            }
            if (state.Exception is { } thrown)
            {
                var error = cancel.IsCancellationRequested && IsInterruption(CellErrors.Unwrap(thrown))
                    ? CellErrors.Interruption(thrown)
                    : CellErrors.Runtime(thrown);
                return (new CellOutcome(count, null, error), state);
            }
            var result = state.ReturnValue is { } value ? Formatter.Format(value) : null;
            if (result is not null)
            {
                output.BeforeResult(result);
            }
            return (new CellOutcome(count, result, null), state);
        }

        private static bool IsInterruption(Exception e) => e is OperationCanceledException or ThreadInterruptedException;
    }
}
