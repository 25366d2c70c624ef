using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// Answers shell and control requests. Every request is wrapped in iopub status busy … idle (parented to it), which
/// clients such as nbclient wait for. Replies go back through the channel's own send callback, so each socket is
/// used only by the thread that serves it.
/// </summary>
internal sealed class KernelRequests(
    ICellExecutor executor, KernelSession session, IopubPublisher iopub, StdinChannel stdin, TextWriter log, Action requestShutdown)
{
    private readonly Lock _runningLock = new();
    private CancellationTokenSource? _running;
    private JupyterMessage? _runningRequest;

    /// <summary>
    /// A line from the frontend for the running cell (its <c>Console.ReadLine()</c>), through an input_request.
    /// </summary>
    /// <exception cref="InvalidOperationException">No cell is running, or its execute_request did not allow stdin (nbconvert, papermill).</exception>
    /// <exception cref="OperationCanceledException">The cell was interrupted while waiting.</exception>
    public string ReadLine()
    {
        JupyterMessage? request;
        CancellationToken cancel;
        lock (_runningLock)
        {
            request = _runningRequest;
            cancel = _running?.Token ?? CancellationToken.None;
        }
        if (request is null || !request.ContentBool("allow_stdin", false))
        {
            throw new InvalidOperationException("Console input is not available: the frontend did not allow stdin for this cell.");
        }
        return stdin.RequestInput(request, "", password: false, cancel);
    }

    /// <summary>Cancels the running cell, if any (interrupt_request, SIGINT, shutdown).</summary>
    public void Interrupt()
    {
        lock (_runningLock)
        {
            _running?.Cancel();
        }
    }

    /// <summary>Handles <paramref name="request"/> from <paramref name="channel"/>; returns true when an execute failed and queued executes should be aborted.</summary>
    public bool Handle(JupyterMessage request, string channel, Action<JupyterMessage> reply, CancellationToken stopping)
    {
        var type = request.MessageType;
        if (channel == "control" && type is not ("kernel_info_request" or "interrupt_request" or "shutdown_request"))
        {
            // Control may be served while a cell runs; the engine's other requests are served one at a time on shell.
            log.WriteLine($"weclick kernel: ignored a '{type}' message on control; send it on shell.");
            return false;
        }
        Status("busy", request);
        try
        {
            switch (type)
            {
                case "kernel_info_request":
                    reply(session.Reply(request, "kernel_info_reply", KernelInfo.Content()));
                    return false;
                case "execute_request":
                    return Execute(request, reply, stopping);
                case "is_complete_request":
                    reply(session.Reply(request, "is_complete_reply", IsComplete(request)));
                    return false;
                case "complete_request":
                    reply(session.Reply(request, "complete_reply", Complete(request)));
                    return false;
                case "inspect_request":
                    reply(session.Reply(request, "inspect_reply", Inspect(request)));
                    return false;
                case "comm_info_request":
                    reply(session.Reply(request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }));
                    return false;
                case "history_request":
                    // History is not kept: frontends get an empty list rather than no answer.
                    reply(session.Reply(request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() }));
                    return false;
                case "interrupt_request":
                    Interrupt();
                    reply(session.Reply(request, "interrupt_reply", new JsonObject { ["status"] = "ok" }));
                    return false;
                case "shutdown_request":
                    var content = new JsonObject { ["status"] = "ok", ["restart"] = request.ContentBool("restart", false) };
                    reply(session.Reply(request, "shutdown_reply", content));
                    // Published too (spec 5.4), so that every connected client learns the kernel is going.
                    iopub.Post(session.Publish("shutdown_reply", (JsonObject)content.DeepClone(), request));
                    Interrupt();
                    requestShutdown();
                    return false;
                default:
                    log.WriteLine($"weclick kernel: ignored a message of unknown type '{type}' on {channel}.");
                    return false;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.WriteLine($"weclick kernel: failed to handle '{request.MessageType}' on {channel}: {e.GetType().Name}: {e.Message}");
            if (request.MessageType.EndsWith("_request", StringComparison.Ordinal))
            {
                // Answer anyway, so that the client does not wait for a reply that never comes.
                var replyType = request.MessageType[..^"_request".Length] + "_reply";
                reply(session.Reply(request, replyType, new JsonObject
                {
                    ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray(),
                }));
            }
            return false;
        }
        finally
        {
            Status("idle", request);
        }
    }

    /// <summary>Answers an execute_request queued behind a failed cell with status "aborted", as ipykernel does.</summary>
    public void Abort(JupyterMessage request, Action<JupyterMessage> reply)
    {
        Status("busy", request);
        reply(session.Reply(request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = executor.ExecutionCount }));
        Status("idle", request);
    }

    private void Status(string state, JupyterMessage parent) =>
        iopub.Post(session.Publish("status", new JsonObject { ["execution_state"] = state }, parent));

    private bool Execute(JupyterMessage request, Action<JupyterMessage> reply, CancellationToken stopping)
    {
        var code = request.ContentString("code");
        var silent = request.ContentBool("silent", false);
        if (CellLanguage.OfCode(code) is { IsCSharp: false } other)
        {
            Skip(request, other, silent, reply);
            return false;
        }
        if (!silent)
        {
            iopub.Post(session.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = executor.ExecutionCount + 1 }, request));
        }
        // A #!csharp first line is blanked, not removed: compile errors keep the cell's line numbers.
        var outcome = Run(request, CellLanguage.CSharpSource(code), new KernelOutputSink(iopub, session, request, silent, ReadLine), stopping);
        if (outcome.Error is { } error)
        {
            if (!silent)
            {
                iopub.Post(session.Publish("error", ErrorContent(error), request));
            }
            var content = ErrorContent(error);
            content["status"] = "error";
            content["execution_count"] = outcome.ExecutionCount;
            reply(session.Reply(request, "execute_reply", content));
            return request.ContentBool("stop_on_error", true);
        }
        if (outcome.Result is { } result && !silent)
        {
            var content = KernelOutputSink.BundleContent(result);
            content["execution_count"] = outcome.ExecutionCount;
            iopub.Post(session.Publish("execute_result", content, request));
        }
        reply(session.Reply(request, "execute_reply", new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = outcome.ExecutionCount,
            ["payload"] = new JsonArray(),
            ["user_expressions"] = new JsonObject(),
        }));
        return false;
    }

    /// <summary>
    /// A Polyglot Notebooks cell for another kernel (<c>#!fsharp</c>, <c>#!pwsh</c>…): not run, status ok (so a run-all goes
    /// on), one stderr line naming its language; the execution count does not advance.
    /// </summary>
    private void Skip(JupyterMessage request, CellKernel kernel, bool silent, Action<JupyterMessage> reply)
    {
        if (!silent)
        {
            var code = request.ContentString("code");
            iopub.Post(session.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = executor.ExecutionCount }, request));
            iopub.Post(session.Publish("stream", new JsonObject { ["name"] = "stderr", ["text"] = kernel.SkipMessage + "\n" }, request));
        }
        reply(session.Reply(request, "execute_reply", new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = executor.ExecutionCount,
            ["payload"] = new JsonArray(),
            ["user_expressions"] = new JsonObject(),
        }));
    }

    private CellOutcome Run(JupyterMessage request, string code, KernelOutputSink sink, CancellationToken stopping)
    {
        using var cancel = new CancellationTokenSource();
        lock (_runningLock)
        {
            _running = cancel;
            _runningRequest = request;
        }
        try
        {
            // Off the shell thread: an engine that runs a cell synchronously inside ExecuteAsync still lets this
            // thread notice a shutdown and stop waiting after the grace period.
            var task = Task.Run(() => executor.ExecuteAsync(code, sink, cancel.Token));
            // Wait for the cell; once the kernel is stopping (and the cell cancelled), give it a bounded grace period
            // so that an engine ignoring cancellation cannot keep the kernel from exiting.
            var graceEnds = DateTime.MaxValue;
            while (!task.Wait(TimeSpan.FromMilliseconds(100)))
            {
                if (stopping.IsCancellationRequested && graceEnds == DateTime.MaxValue)
                {
                    cancel.Cancel();
                    graceEnds = DateTime.UtcNow.AddSeconds(3);
                }
                if (DateTime.UtcNow > graceEnds)
                {
                    return Failed(new OperationCanceledException("the kernel shut down while the cell was running"));
                }
            }
            return task.Result;
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            // The contract says errors come back as outcomes; an engine bug that throws is still reported, not fatal.
            return Failed(e.InnerException);
        }
        finally
        {
            lock (_runningLock)
            {
                _running = null;
                _runningRequest = null;
            }
        }
    }

    private CellOutcome Failed(Exception e) =>
        new(executor.ExecutionCount, null, new CellError(e.GetType().Name, e.Message, [$"{e.GetType().Name}: {e.Message}"]));

    private static JsonObject ErrorContent(CellError error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Message,
        ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    };

    private JsonObject IsComplete(JupyterMessage request)
    {
        var answer = executor.IsComplete(request.ContentString("code"));
        var content = new JsonObject { ["status"] = answer.Status.ToString().ToLowerInvariant() };
        if (answer.Status == CodeCompletenessStatus.Incomplete)
        {
            content["indent"] = answer.Indent;
        }
        return content;
    }

    private JsonObject Complete(JupyterMessage request)
    {
        var code = request.ContentString("code");
        var cursor = CodePointOffsets.ToUtf16(code, request.ContentInt("cursor_pos", int.MaxValue));
        var result = executor.Complete(code, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Matches.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
            ["cursor_start"] = CodePointOffsets.ToCodePoints(code, result.CursorStart),
            ["cursor_end"] = CodePointOffsets.ToCodePoints(code, result.CursorEnd),
            ["metadata"] = new JsonObject(),
        };
    }

    private JsonObject Inspect(JupyterMessage request)
    {
        var code = request.ContentString("code");
        var text = executor.Inspect(code, CodePointOffsets.ToUtf16(code, request.ContentInt("cursor_pos", int.MaxValue)));
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }
}
