namespace WeClick.Torch;

/// <summary>
/// An error reported by libtorch or OpenCV through the native shim, or a failure to load the shim.
/// </summary>
/// <remarks>The message starts with the operation that failed and then gives libtorch's own words.</remarks>
public sealed class TorchException : Exception
{
    /// <summary>Creates an exception for a failed native call.</summary>
    /// <param name="operation">The binding method that called into the shim.</param>
    /// <param name="nativeMessage">libtorch's (or OpenCV's) message.</param>
    public TorchException(string operation, string nativeMessage)
        : base($"{operation}: {nativeMessage}")
    {
        Operation = operation;
        NativeMessage = nativeMessage;
    }

    /// <summary>Creates an exception with a message of the binding's own (e.g. the native library is missing).</summary>
    public TorchException(string message)
        : base(message)
    {
        Operation = string.Empty;
        NativeMessage = string.Empty;
    }

    /// <summary>The binding method that failed, or empty.</summary>
    public string Operation { get; }

    /// <summary>The text libtorch reported, or empty.</summary>
    public string NativeMessage { get; }
}
