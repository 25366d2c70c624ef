using WeClick.Torch.Interop;

namespace WeClick.Torch.Vision;

/// <summary>Writes uint8 [H, W, 3] RGB frames to a video file (OpenCV VideoWriter); dispose to finish the file.</summary>
public sealed class VideoWriter : IDisposable
{
    private readonly VideoWriterHandle _handle;

    /// <summary>Creates <paramref name="path"/> (e.g. <c>.avi</c> with <c>MJPG</c>, <c>.mp4</c> with <c>mp4v</c>).</summary>
    /// <exception cref="TorchException">The container, codec or folder is not usable; the message names the file.</exception>
    public VideoWriter(string path, double framesPerSecond, long width, long height, string fourcc = "MJPG")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        NativeStatus.Check(NativeMethods.WcVideoWriter_open(path, fourcc, framesPerSecond, width, height, out var writer), nameof(VideoWriter));
        _handle = new VideoWriterHandle(writer);
        Path = path;
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Appends one frame.</summary>
    public void Write(Tensor frame) => NativeStatus.Check(NativeMethods.WcVideoWriter_write(_handle, frame.Handle));

    /// <summary>Finishes and closes the file.</summary>
    public void Dispose() => _handle.Dispose();
}
