using System.Diagnostics;
using System.Text.Json.Nodes;
using WeClick.Notebooks.Kernel;

namespace WeClick.Notebooks.Tests.Kernel;

/// <summary>
/// The kernel in process, driven by the real Jupyter client (Debian python3-jupyter-client and pyzmq) through
/// kernel_client_check.py; the engine is <see cref="ScriptedCellExecutor"/>, so these tests are about the protocol.
/// </summary>
[Collection(KernelTestCollection.Name)]
public sealed class KernelServerJupyterClientTests
{
    [Fact]
    public void RealJupyterClient_SeesTheProtocolAnsweredAndShutsTheKernelDown()
    {
        var folder = KernelFixtures.TempFolder();
        var connectionPath = KernelFixtures.WriteConnectionFile(folder);
        var executor = new ScriptedCellExecutor();
        var log = new StringWriter();
        var server = new KernelServer(ConnectionFile.Load(connectionPath), executor, log);
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Exception? runFailure = null;
        var run = new Thread(() =>
        {
            try
            {
                server.Run(safety.Token);
            }
            catch (Exception e)
            {
                runFailure = e;
            }
        }) { IsBackground = true };
        run.Start();

        var script = Path.Combine(AppContext.BaseDirectory, "Kernel", "kernel_client_check.py");
        var client = KernelFixtures.Run(KernelFixtures.Python, [script, connectionPath], TimeSpan.FromSeconds(60));
        var clientEnded = Stopwatch.StartNew();
        var runEnded = run.Join(TimeSpan.FromSeconds(5));
        var lastLine = client.Stdout.Trim().Split('\n')[^1];
        Assert.True(lastLine.StartsWith('{'), $"the client printed no result (exit code {client.ExitCode}); stderr:\n{client.Stderr}\nkernel log:\n{log}");
        var seen = JsonNode.Parse(lastLine)!.AsObject();

        Assert.True(seen["ok"]!.GetValue<bool>(), $"{seen["failed"]}\nkernel log:\n{log}\nclient stderr:\n{client.Stderr}");
        Assert.Equal(0, client.ExitCode);

        // kernel_info_reply.
        var info = seen["kernel_info"]!;
        Assert.Equal("ok", (string)info["status"]!);
        Assert.Equal("5.3", (string)info["protocol_version"]!);
        Assert.Equal("weclick-csharp", (string)info["implementation"]!);
        Assert.Equal("csharp", (string)info["language_info"]!["name"]!);
        Assert.Equal("text/x-csharp", (string)info["language_info"]!["mimetype"]!);
        Assert.Equal(".cs", (string)info["language_info"]!["file_extension"]!);
        Assert.Equal("5.3", (string)seen["reply_header"]!["version"]!);
        Assert.Equal(server.SessionId, (string)seen["reply_header"]!["session"]!);

        // is_complete.
        Assert.Equal("complete", (string)seen["is_complete"]!["int x = 1;"]!["status"]!);
        Assert.Equal("incomplete", (string)seen["is_complete"]!["if (x) {"]!["status"]!);
        Assert.Equal("    ", (string)seen["is_complete"]!["if (x) {"]!["indent"]!);
        Assert.Equal("invalid", (string)seen["is_complete"]!["}"]!["status"]!);

        // execute with a result: the iopub sequence and the reply.
        Assert.Equal(["status:busy", "execute_input", "stream", "execute_result", "status:idle"],
            seen["result_sequence"]!.AsArray().Select(n => (string)n!).ToArray());
        var resultMessages = seen["result_messages"]!.AsArray();
        Assert.Equal("result", (string)resultMessages[1]!["code"]!);
        Assert.Equal(1, (int)resultMessages[1]!["execution_count"]!);
        Assert.Equal("stdout", (string)resultMessages[2]!["name"]!);
        Assert.Equal("ran: result\n", (string)resultMessages[2]!["text"]!);
        Assert.Equal(1, (int)resultMessages[3]!["execution_count"]!);
        Assert.Equal("42", (string)resultMessages[3]!["data"]!["text/plain"]!);
        Assert.Equal("<b>42</b>", (string)resultMessages[3]!["data"]!["text/html"]!);
        Assert.Equal("ok", (string)seen["result_reply"]!["status"]!);
        Assert.Equal(1, (int)seen["result_reply"]!["execution_count"]!);

        // display_data with its display_id, then update_display_data.
        var displays = seen["display_messages"]!.AsArray();
        Assert.Equal(["display_data", "update_display_data"], displays.Select(d => (string)d!["type"]!).ToArray());
        Assert.Equal("0 %", (string)displays[0]!["content"]!["data"]!["text/plain"]!);
        Assert.Equal("progress", (string)displays[0]!["content"]!["transient"]!["display_id"]!);
        Assert.Equal("100 %", (string)displays[1]!["content"]!["data"]!["text/plain"]!);
        Assert.Equal("progress", (string)displays[1]!["content"]!["transient"]!["display_id"]!);

        // An error cell: error output and an error reply.
        Assert.Equal(["status:busy", "execute_input", "stream", "error", "status:idle"],
            seen["error_sequence"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("InvalidOperationException", (string)seen["error_output"]![0]!["ename"]!);
        Assert.Equal("boom", (string)seen["error_output"]![0]!["evalue"]!);
        Assert.Equal("error", (string)seen["error_reply"]!["status"]!);
        Assert.Equal(3, (int)seen["error_reply"]!["execution_count"]!);
        Assert.Equal(["InvalidOperationException: boom", "   at cell 1, line 1"], seen["error_reply"]!["traceback"]!.AsArray().Select(n => (string)n!).ToArray());

        // Console.ReadLine in a cell: input_request to the frontend, its answer read; refused without allow_stdin.
        Assert.Equal("input_request", (string)seen["input_request"]!["type"]!);
        Assert.True((bool)seen["input_request"]!["parent"]!);
        Assert.False((bool)seen["input_request"]!["content"]!["password"]!);
        Assert.Equal(["ran: input\n", "got: hello from the frontend\n"], seen["input_streams"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("ok", (string)seen["input_reply"]!["status"]!);
        Assert.Equal("error", (string)seen["input_refused_reply"]!["status"]!);
        Assert.Equal("InvalidOperationException", (string)seen["input_refused_reply"]!["ename"]!);
        Assert.Contains("did not allow stdin", (string)seen["input_refused_reply"]!["evalue"]!);

        // A failing cell aborts the execute queued behind it.
        Assert.Equal("error", (string)seen["slowfail_reply"]!["status"]!);
        Assert.Equal("aborted", (string)seen["queued_reply"]!["status"]!);

        // complete: code points on the wire (cursor 4 after the emoji), UTF-16 offsets for the executor (5).
        Assert.Contains(executor.CompletionRequests, r => r.Code == "\U0001F600x.L" && r.Cursor == 5);
        Assert.Equal(new[] { "LastIndexOf", "Length" }, seen["complete_reply"]!["matches"]!.AsArray().Select(n => (string)n!).Order().ToArray());
        Assert.Equal(3, (int)seen["complete_reply"]!["cursor_start"]!);
        Assert.Equal(4, (int)seen["complete_reply"]!["cursor_end"]!);
        Assert.True((bool)seen["inspect_reply"]!["found"]!);
        Assert.Equal("int string.Length { get; }", (string)seen["inspect_reply"]!["data"]!["text/plain"]!);
        Assert.Empty(seen["comm_info_reply"]!["comms"]!.AsObject());

        // Rejected messages: no reply, nothing executed, a log line each, the kernel still answers.
        Assert.False((bool)seen["bad_signature_answered"]!);
        Assert.False((bool)seen["missing_signature_answered"]!);
        Assert.False((bool)seen["malformed_answered"]!);
        Assert.False((bool)seen["bad_json_answered"]!);
        Assert.DoesNotContain(executor.Executed, code => code.Contains("signature", StringComparison.Ordinal));
        var logText = log.ToString();
        Assert.Contains("rejected a message on shell: bad signature", logText);
        Assert.Contains("rejected a message on shell: missing signature", logText);
        Assert.Contains("rejected a message on shell: too few frames", logText);
        Assert.Contains("rejected a message on shell: header is not valid JSON", logText);
        Assert.Contains("ignored a message of unknown type 'no_such_request' on shell", logText);
        Assert.Contains("ignored a 'complete_request' message on control; send it on shell.", logText);
        Assert.Single(executor.CompletionRequests);
        Assert.Equal("ok", (string)seen["alive_after_rejections"]!);

        // A running cell: heartbeat answered, interrupt ends it with an error within 5 s.
        Assert.Equal("ping", (string)seen["heartbeat_during_cell"]!);
        Assert.Equal("ok", (string)seen["interrupt_reply"]!["status"]!);
        Assert.Equal("error", (string)seen["loop_reply"]!["status"]!);
        Assert.Equal("OperationCanceledException", (string)seen["loop_reply"]!["ename"]!);
        Assert.True((double)seen["interrupt_seconds"]! < 5, $"interrupt took {seen["interrupt_seconds"]} s");

        // Polyglot cells: #!fsharp skipped with a stderr line and status ok (the count does not advance); #!csharp runs.
        Assert.Equal(["status:busy", "execute_input", "stream", "status:idle"], seen["fsharp_sequence"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("stderr", (string)seen["fsharp_streams"]![0]!["name"]!);
        Assert.Equal("skipped: an F# cell (#!fsharp); the WeClick kernel runs C# only\n", (string)seen["fsharp_streams"]![0]!["text"]!);
        Assert.Equal("ok", (string)seen["fsharp_reply"]!["status"]!);
        Assert.Equal(7, (int)seen["fsharp_reply"]!["execution_count"]!);
        Assert.Equal(["ran: \nresult\n"], seen["csharp_streams"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("ok", (string)seen["csharp_reply"]!["status"]!);
        Assert.Equal(8, (int)seen["csharp_reply"]!["execution_count"]!);

        // Shutdown: reply, Run returns within 5 s, the executor disposed.
        Assert.Equal("ok", (string)seen["shutdown_reply"]!["status"]!);
        Assert.False((bool)seen["shutdown_reply"]!["restart"]!);
        Assert.True(runEnded, $"Run did not return within 5 s of the client's end ({clientEnded.Elapsed.TotalSeconds:F1} s); log:\n{logText}");
        Assert.False(safety.IsCancellationRequested, "the kernel stopped on the test's safety timeout, not on shutdown_request");
        Assert.Null(runFailure);
        Assert.True(executor.Disposed);
        Assert.Equal(["result", "display", "fail", "input", "input", "slowfail", "loop", "\nresult"], executor.Executed.ToArray());
        Assert.StartsWith("weclick kernel: session ", logText);
        Directory.Delete(folder, recursive: true);
    }
}
