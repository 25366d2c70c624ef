using System.Runtime.InteropServices;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// The few libzmq (Debian libzmq5, ABI 5) functions the kernel uses, by P/Invoke. Every call that can fail returns -1
/// (or null) and leaves the reason in <see cref="zmq_errno"/>; <see cref="ZmqSocket"/> turns that into exceptions.
/// </summary>
internal static unsafe partial class ZmqNative
{
    private const string Library = "libzmq.so.5";

    public const int PUB = 1;
    public const int REP = 4;
    public const int DEALER = 5;
    public const int ROUTER = 6;

    public const int LINGER = 17;
    public const int SNDMORE = 2;
    public const int DONTWAIT = 1;
    public const short POLLIN = 1;

    public const int EAGAIN = 11;
    public const int EINTR = 4;
    /// <summary>ZMQ_HAUSNUMERO + 53: the context was terminated.</summary>
    public const int ETERM = 156384712 + 53;

    /// <summary>zmq_msg_t: 64 opaque bytes, pointer-aligned (a union with a pointer in zmq.h).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Message
    {
        private readonly long _first;
    }

    /// <summary>zmq_pollitem_t on a POSIX system: socket, fd, events, revents.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollItem
    {
        public nint Socket;
        public int FileDescriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport(Library)]
    public static partial nint zmq_ctx_new();

    [LibraryImport(Library)]
    public static partial int zmq_ctx_term(nint context);

    [LibraryImport(Library)]
    public static partial nint zmq_socket(nint context, int type);

    [LibraryImport(Library)]
    public static partial int zmq_close(nint socket);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int zmq_bind(nint socket, string endpoint);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int zmq_connect(nint socket, string endpoint);

    [LibraryImport(Library)]
    public static partial int zmq_setsockopt(nint socket, int option, void* value, nuint length);

    [LibraryImport(Library)]
    public static partial int zmq_send(nint socket, void* buffer, nuint length, int flags);

    [LibraryImport(Library)]
    public static partial int zmq_msg_init(Message* message);

    [LibraryImport(Library)]
    public static partial int zmq_msg_recv(Message* message, nint socket, int flags);

    [LibraryImport(Library)]
    public static partial void* zmq_msg_data(Message* message);

    [LibraryImport(Library)]
    public static partial nuint zmq_msg_size(Message* message);

    [LibraryImport(Library)]
    public static partial int zmq_msg_more(Message* message);

    [LibraryImport(Library)]
    public static partial int zmq_msg_close(Message* message);

    [LibraryImport(Library)]
    public static partial int zmq_poll(PollItem* items, int count, long timeoutMilliseconds);

    [LibraryImport(Library)]
    public static partial int zmq_errno();

    [LibraryImport(Library)]
    public static partial nint zmq_strerror(int error);

    /// <summary>libzmq's text for <paramref name="error"/>.</summary>
    public static string ErrorText(int error) => Marshal.PtrToStringUTF8(zmq_strerror(error)) ?? $"error {error}";
}
