using System.Runtime.InteropServices;
using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel over ZeroMQ (messaging spec 5.3) driving an <see cref="ICellExecutor"/>. Each socket has its own
/// thread: heartbeat echo, shell (requests, cells run here one at a time), control (interrupt and shutdown stay
/// answered while a cell runs), stdin (a cell's <c>Console.ReadLine()</c> becomes an input_request when the request
/// allows stdin: the cell's sink is an <see cref="IConsoleInput"/>) and an iopub sender fed by a queue. The kernel log
/// (one line per rejected or malformed message, the start-up line with the endpoints) goes to the log writer, standard
/// error by default, which Jupyter shows in its log.
/// </summary>
public sealed class KernelServer
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    // Long enough for the last replies (shutdown_reply, status idle) to leave, short enough for a prompt exit.
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(1);

    private readonly ConnectionFile _connection;
    private readonly ICellExecutor _executor;
    private readonly TextWriter _log;
    private readonly MessageSigner _signer;
    private readonly KernelSession _session = new();
    private readonly CancellationTokenSource _stop = new();
    private KernelRequests? _requests;
    private int _started;

    /// <summary>A kernel for <paramref name="connection"/> running cells on <paramref name="executor"/>, which it owns and disposes at exit.</summary>
    public KernelServer(ConnectionFile connection, ICellExecutor executor, TextWriter? log = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _log = TextWriter.Synchronized(log ?? Console.Error);
        _signer = new MessageSigner(connection.Key);
    }

    /// <summary>The session id in this kernel's message headers.</summary>
    public string SessionId => _session.Id;

    /// <summary>Cancels the running cell, if any — what interrupt_request and SIGINT do.</summary>
    public void Interrupt() => _requests?.Interrupt();

    /// <summary>
    /// Binds the sockets and serves until a shutdown_request arrives or <paramref name="cancel"/> is cancelled; then
    /// stops the threads, closes the sockets, terminates the ZeroMQ context and disposes the executor. Once only.
    /// </summary>
    /// <exception cref="ZmqException">A socket could not be bound (the message names it and its endpoint).</exception>
    /// <exception cref="InvalidOperationException">Run was called before.</exception>
    public void Run(CancellationToken cancel)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("a KernelServer runs once; start a new one (a restart is a new process).");
        }
        try
        {
            Serve(cancel);
        }
        finally
        {
            _executor.Dispose();
        }
    }

    private void Serve(CancellationToken cancel)
    {
        var context = new ZmqContext();
        var sockets = new List<ZmqSocket>();
        ZmqSocket Open(int type, string name, int port)
        {
            var socket = new ZmqSocket(context, type, name);
            sockets.Add(socket);
            socket.SetLinger(Linger);
            socket.Bind(_connection.Endpoint(port));
            return socket;
        }
        var threadsEnded = true;
        try
        {
            var shell = Open(ZmqNative.ROUTER, "shell", _connection.ShellPort);
            var control = Open(ZmqNative.ROUTER, "control", _connection.ControlPort);
            var stdinSocket = Open(ZmqNative.ROUTER, "stdin", _connection.StdinPort);
            var iopubSocket = Open(ZmqNative.PUB, "iopub", _connection.IopubPort);
            var heartbeat = Open(ZmqNative.REP, "heartbeat", _connection.HeartbeatPort);
            _log.WriteLine($"weclick kernel: session {_session.Id}; shell {shell.Endpoint}, iopub {iopubSocket.Endpoint}, " +
                           $"stdin {_connection.Endpoint(_connection.StdinPort)}, control {control.Endpoint}, heartbeat {heartbeat.Endpoint}" +
                           (_signer.Enabled ? "; messages signed with hmac-sha256." : "; no key: messages are not signed."));

            var iopub = new IopubPublisher(iopubSocket, _signer, _log);
            var stdin = new StdinChannel(stdinSocket, _signer, _session, _log);
            _requests = new KernelRequests(_executor, _session, iopub, stdin, _log, () => _stop.Cancel());
            iopub.Start();
            iopub.Post(_session.Publish("status", new() { ["execution_state"] = "starting" }, null));

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, _stop.Token);
            var stopping = linked.Token;
            Thread[] threads =
            [
                Start("heartbeat", () => Echo(heartbeat, stopping)),
                Start("shell", () => Serve(shell, "shell", stopping)),
                Start("control", () => Serve(control, "control", stopping)),
                Start("stdin", () => stdin.Serve(stopping)),
            ];
            using (PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
                   {
                       // Jupyter frontends may interrupt by signal too: cancel the cell instead of exiting.
                       signal.Cancel = true;
                       Interrupt();
                   }))
            {
                stopping.WaitHandle.WaitOne();
            }
            Interrupt();
            foreach (var thread in threads)
            {
                threadsEnded &= thread.Join(TimeSpan.FromSeconds(10));
            }
            threadsEnded &= iopub.Complete(TimeSpan.FromSeconds(5));
            if (!threadsEnded)
            {
                _log.WriteLine("weclick kernel: a socket thread did not stop; exiting without closing its socket.");
            }
        }
        finally
        {
            // A socket still in use by a stuck thread is left open (closing it under that thread is undefined); the
            // context then stays alive too, since its sockets hold references on it, and the process exit frees both.
            if (threadsEnded)
            {
                foreach (var socket in sockets)
                {
                    socket.Dispose();
                }
            }
            context.Dispose();
        }
    }

    private Thread Start(string name, Action loop)
    {
        var thread = new Thread(() =>
        {
            try
            {
                loop();
            }
            catch (Exception e) when (e is ZmqException or ObjectDisposedException)
            {
                _log.WriteLine($"weclick kernel: the {name} thread failed ({e.Message}); shutting down.");
                _stop.Cancel();
            }
        }) { IsBackground = true, Name = $"kernel {name}" };
        thread.Start();
        return thread;
    }

    private static void Echo(ZmqSocket heartbeat, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            if (heartbeat.Receive(PollInterval) is { } frames)
            {
                heartbeat.Send(frames);
            }
        }
    }

    private void Serve(ZmqSocket socket, string channel, CancellationToken stopping)
    {
        void Reply(JupyterMessage message) => socket.Send(JupyterWire.Encode(message, _signer));
        while (!stopping.IsCancellationRequested)
        {
            if (Receive(socket, channel, PollInterval) is not { } request)
            {
                continue;
            }
            // A failed cell's reply is held back until the executes already queued behind it (a "run all") are answered
            // "aborted": sent first, it would let a client's next request slip into that queue and be aborted too.
            JupyterMessage? failedReply = null;
            void ReplyOrHold(JupyterMessage message)
            {
                if (message.MessageType == "execute_reply" && (string?)message.Content["status"] == "error")
                {
                    failedReply = message;
                }
                else
                {
                    Reply(message);
                }
            }
            var abortQueued = _requests!.Handle(request, channel, ReplyOrHold, stopping);
            while (abortQueued && !stopping.IsCancellationRequested && Receive(socket, channel, TimeSpan.Zero) is { } queued)
            {
                if (queued.MessageType == "execute_request")
                {
                    _requests.Abort(queued, Reply);
                }
                else
                {
                    _requests.Handle(queued, channel, Reply, stopping);
                }
            }
            if (failedReply is not null)
            {
                Reply(failedReply);
            }
        }
    }

    /// <summary>The next valid message, or null on timeout or when the message was dropped (and logged).</summary>
    private JupyterMessage? Receive(ZmqSocket socket, string channel, TimeSpan timeout)
    {
        if (socket.Receive(timeout) is not { } frames)
        {
            return null;
        }
        try
        {
            return JupyterWire.Decode(frames, _signer);
        }
        catch (MalformedMessageException e)
        {
            _log.WriteLine($"weclick kernel: rejected a message on {channel}: {e.Message}");
            return null;
        }
    }
}
