namespace WeClick.Vision;

/// <summary>
/// A failure reported by OpenCV through the native shim (<c>libweclick_native.so</c>), or a failure to load the shim.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is the shim's own text: OpenCV's message, or the shim's check that refused the
/// arguments, naming the file where there is one. <see cref="Operation"/> says which method called the shim.
/// </remarks>
public sealed class OpenCvException : Exception
{
    /// <summary>Creates an exception for a failed native call.</summary>
    /// <param name="operation">The method that called into the shim (e.g. <c>Write</c>).</param>
    /// <param name="nativeMessage">The shim's (OpenCV's) message.</param>
    public OpenCvException(string operation, string nativeMessage)
        : base(nativeMessage)
    {
        Operation = operation;
        NativeMessage = nativeMessage;
    }

    /// <summary>Creates an exception with a message of its own (e.g. the native library is missing).</summary>
    public OpenCvException(string message)
        : base(message)
    {
        Operation = string.Empty;
        NativeMessage = string.Empty;
    }

    /// <summary>The method that failed, or empty.</summary>
    public string Operation { get; }

    /// <summary>The text the shim reported, or empty.</summary>
    public string NativeMessage { get; }
}
