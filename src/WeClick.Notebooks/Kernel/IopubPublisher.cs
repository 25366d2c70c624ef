using System.Collections.Concurrent;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// Sends iopub messages from one dedicated thread (libzmq sockets are not thread-safe), fed by a queue that any thread
/// — the shell and control threads, and a running cell's own threads through its output sink — may post to.
/// </summary>
internal sealed class IopubPublisher
{
    private readonly ZmqSocket _socket;
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly BlockingCollection<List<byte[]>> _queue = new(new ConcurrentQueue<List<byte[]>>());
    private readonly Thread _thread;

    public IopubPublisher(ZmqSocket socket, MessageSigner signer, TextWriter log)
    {
        _socket = socket;
        _signer = signer;
        _log = log;
        _thread = new Thread(SendLoop) { IsBackground = true, Name = "kernel iopub" };
    }

    public void Start() => _thread.Start();

    /// <summary>Queues <paramref name="message"/>; ignored once <see cref="Complete"/> was called.</summary>
    public void Post(JupyterMessage message)
    {
        var frames = JupyterWire.Encode(message, _signer);
        try
        {
            _queue.Add(frames);
        }
        catch (InvalidOperationException)
        {
            // Shutting down: a cell thread that outlives the kernel has nobody to show its output to.
        }
    }

    /// <summary>Sends what is queued, then stops the thread; true when it ended within <paramref name="timeout"/>.</summary>
    public bool Complete(TimeSpan timeout)
    {
        _queue.CompleteAdding();
        return _thread.Join(timeout);
    }

    private void SendLoop()
    {
        try
        {
            foreach (var frames in _queue.GetConsumingEnumerable())
            {
                _socket.Send(frames);
            }
        }
        catch (ZmqException e)
        {
            _log.WriteLine($"weclick kernel: iopub stopped: {e.Message}");
        }
    }
}
