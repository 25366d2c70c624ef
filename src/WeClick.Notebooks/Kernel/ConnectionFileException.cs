namespace WeClick.Notebooks.Kernel;

/// <summary>
/// A connection file is not JSON, or a key in it is missing or invalid; the message names the file and the key. An
/// <see cref="IOException"/>, so that the CLI reports it as a one-line user error.
/// </summary>
public sealed class ConnectionFileException : IOException
{
    /// <summary>Creates the exception with a message naming the file and key.</summary>
    public ConnectionFileException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
