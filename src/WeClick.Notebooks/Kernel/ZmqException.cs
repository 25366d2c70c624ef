namespace WeClick.Notebooks.Kernel;

/// <summary>A libzmq call failed; the message names the operation, the socket and its endpoint.</summary>
public sealed class ZmqException : IOException
{
    /// <summary>libzmq's error number (zmq_errno).</summary>
    public int ErrorNumber { get; }

    /// <summary>Creates the exception for <paramref name="errorNumber"/> with a message naming what failed.</summary>
    public ZmqException(string message, int errorNumber) : base(message) => ErrorNumber = errorNumber;
}
