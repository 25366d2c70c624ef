using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// The stdin socket's thread: sends a running cell's input_request to the frontend that sent the execute_request
/// (same ROUTER identity as on shell) and hands the input_reply's value back to the waiting cell.
/// </summary>
internal sealed class StdinChannel(ZmqSocket socket, MessageSigner signer, KernelSession session, TextWriter log)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentQueue<List<byte[]>> _outgoing = new();
    private readonly Lock _waitingLock = new();
    private TaskCompletionSource<string>? _waiting;

    /// <summary>Asks the frontend of <paramref name="request"/> for a line; blocks until it answers or <paramref name="cancel"/> fires.</summary>
    /// <exception cref="OperationCanceledException">The cell was interrupted while waiting.</exception>
    public string RequestInput(JupyterMessage request, string prompt, bool password, CancellationToken cancel)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitingLock)
        {
            if (_waiting is not null)
            {
                throw new InvalidOperationException("another input request is already waiting for the frontend.");
            }
            _waiting = answer;
        }
        try
        {
            var message = session.Create("input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password }, request, request.Identities);
            _outgoing.Enqueue(JupyterWire.Encode(message, signer));
            answer.Task.Wait(cancel);
            return answer.Task.Result;
        }
        finally
        {
            lock (_waitingLock)
            {
                _waiting = null;
            }
        }
    }

    /// <summary>The thread's loop: send queued requests, receive replies, until <paramref name="stopping"/>.</summary>
    public void Serve(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            while (_outgoing.TryDequeue(out var frames))
            {
                socket.Send(frames);
            }
            if (socket.Receive(PollInterval) is not { } received)
            {
                continue;
            }
            JupyterMessage reply;
            try
            {
                reply = JupyterWire.Decode(received, signer);
            }
            catch (MalformedMessageException e)
            {
                log.WriteLine($"weclick kernel: rejected a message on stdin: {e.Message}");
                continue;
            }
            TaskCompletionSource<string>? waiting;
            lock (_waitingLock)
            {
                waiting = _waiting;
            }
            if (reply.MessageType != "input_reply" || waiting is null)
            {
                log.WriteLine($"weclick kernel: ignored a '{reply.MessageType}' message on stdin (no input request is waiting).");
                continue;
            }
            waiting.TrySetResult(reply.ContentString("value"));
        }
    }
}
