using System.Runtime.InteropServices;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// A libzmq socket with multipart send and receive. Not thread-safe, as libzmq sockets are not: each socket is used by
/// one thread at a time (a hand-over between threads needs a memory barrier, e.g. <see cref="Thread.Join()"/>).
/// Errors are <see cref="ZmqException"/>s naming the socket (shell, iopub, …) and its endpoint.
/// </summary>
public sealed unsafe class ZmqSocket : SafeHandle
{
    private readonly ZmqContext _context;
    private bool _holdsContext;

    /// <summary>The socket's role, used in error messages (e.g. "shell").</summary>
    public string Name { get; }

    /// <summary>The endpoint bound or connected to, or null before either.</summary>
    public string? Endpoint { get; private set; }

    /// <summary>Creates a socket of libzmq <paramref name="type"/> (PUB = 1, REP = 4, DEALER = 5, ROUTER = 6).</summary>
    /// <exception cref="ZmqException">libzmq refused (e.g. the context is terminated).</exception>
    public ZmqSocket(ZmqContext context, int type, string name) : base(nint.Zero, ownsHandle: true)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Name = name;
        // Keep the context alive (and its zmq_ctx_term waiting) until this socket is closed.
        context.DangerousAddRef(ref _holdsContext);
        var socket = ZmqNative.zmq_socket(context.DangerousGetHandle(), type);
        if (socket == nint.Zero)
        {
            var error = ZmqNative.zmq_errno();
            context.DangerousRelease();
            _holdsContext = false;
            throw new ZmqException($"could not create the {name} socket: {ZmqNative.ErrorText(error)}", error);
        }
        SetHandle(socket);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Binds to <paramref name="endpoint"/> (e.g. <c>tcp://127.0.0.1:5555</c>).</summary>
    /// <exception cref="ZmqException">The address is in use or invalid.</exception>
    public void Bind(string endpoint)
    {
        Check(ZmqNative.zmq_bind(handle, endpoint), $"bind the {Name} socket to {endpoint}");
        Endpoint = endpoint;
    }

    /// <summary>Connects to <paramref name="endpoint"/>.</summary>
    /// <exception cref="ZmqException">The address is invalid.</exception>
    public void Connect(string endpoint)
    {
        Check(ZmqNative.zmq_connect(handle, endpoint), $"connect the {Name} socket to {endpoint}");
        Endpoint = endpoint;
    }

    /// <summary>How long unsent messages are kept after close (ZMQ_LINGER); 0 drops them at once.</summary>
    public void SetLinger(TimeSpan linger)
    {
        var milliseconds = (int)linger.TotalMilliseconds;
        Check(ZmqNative.zmq_setsockopt(handle, ZmqNative.LINGER, &milliseconds, sizeof(int)), $"set ZMQ_LINGER on the {Name} socket");
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a message to read; false on timeout or a signal.</summary>
    public bool WaitReadable(TimeSpan timeout)
    {
        var item = new ZmqNative.PollItem { Socket = handle, Events = ZmqNative.POLLIN };
        var result = ZmqNative.zmq_poll(&item, 1, (long)timeout.TotalMilliseconds);
        if (result < 0)
        {
            var error = ZmqNative.zmq_errno();
            if (error == ZmqNative.EINTR)
            {
                return false;
            }
            throw Failure($"poll the {Name} socket", error);
        }
        return (item.ReturnedEvents & ZmqNative.POLLIN) != 0;
    }

    /// <summary>Receives all frames of the next message, waiting at most <paramref name="timeout"/>; null on timeout.</summary>
    public List<byte[]>? Receive(TimeSpan timeout)
    {
        if (!WaitReadable(timeout))
        {
            return null;
        }
        var frames = new List<byte[]>();
        ZmqNative.Message message;
        Check(ZmqNative.zmq_msg_init(&message), $"initialise a message on the {Name} socket");
        try
        {
            while (true)
            {
                int received;
                do
                {
                    received = ZmqNative.zmq_msg_recv(&message, handle, 0);
                }
                while (received < 0 && ZmqNative.zmq_errno() == ZmqNative.EINTR);
                if (received < 0)
                {
                    throw Failure($"receive on the {Name} socket", ZmqNative.zmq_errno());
                }
                var size = checked((int)ZmqNative.zmq_msg_size(&message));
                frames.Add(new ReadOnlySpan<byte>(ZmqNative.zmq_msg_data(&message), size).ToArray());
                if (ZmqNative.zmq_msg_more(&message) == 0)
                {
                    return frames;
                }
            }
        }
        finally
        {
            ZmqNative.zmq_msg_close(&message);
        }
    }

    /// <summary>Sends <paramref name="frames"/> as one multipart message (blocking while the socket's queue is full).</summary>
    public void Send(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("a message needs at least one frame.", nameof(frames));
        }
        for (var i = 0; i < frames.Count; i++)
        {
            var flags = i < frames.Count - 1 ? ZmqNative.SNDMORE : 0;
            fixed (byte* data = frames[i])
            {
                int sent;
                do
                {
                    sent = ZmqNative.zmq_send(handle, data, (nuint)frames[i].Length, flags);
                }
                while (sent < 0 && ZmqNative.zmq_errno() == ZmqNative.EINTR);
                if (sent < 0)
                {
                    throw Failure($"send on the {Name} socket", ZmqNative.zmq_errno());
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        var closed = ZmqNative.zmq_close(handle) == 0;
        if (_holdsContext)
        {
            _context.DangerousRelease();
        }
        return closed;
    }

    private void Check(int result, string what)
    {
        if (result != 0)
        {
            throw Failure(what, ZmqNative.zmq_errno());
        }
    }

    private ZmqException Failure(string what, int error) =>
        new($"could not {what}{(Endpoint is null || what.Contains(Endpoint, StringComparison.Ordinal) ? "" : $" ({Endpoint})")}: {ZmqNative.ErrorText(error)}", error);
}
