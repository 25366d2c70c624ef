using System.Runtime.InteropServices;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// A libzmq context. Sockets made from it hold a reference on this handle, so <c>zmq_ctx_term</c> (which blocks
/// until every socket is closed) runs only after the last socket is released.
/// </summary>
public sealed class ZmqContext : SafeHandle
{
    /// <summary>Creates a context.</summary>
    /// <exception cref="ZmqException">libzmq could not create one.</exception>
    public ZmqContext() : base(nint.Zero, ownsHandle: true)
    {
        var context = ZmqNative.zmq_ctx_new();
        if (context == nint.Zero)
        {
            var error = ZmqNative.zmq_errno();
            throw new ZmqException($"zmq_ctx_new failed: {ZmqNative.ErrorText(error)}", error);
        }
        SetHandle(context);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == nint.Zero;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        // zmq_ctx_term is interrupted by signals (EINTR) and must then be called again.
        int result;
        do
        {
            result = ZmqNative.zmq_ctx_term(handle);
        }
        while (result != 0 && ZmqNative.zmq_errno() == ZmqNative.EINTR);
        return result == 0;
    }
}
