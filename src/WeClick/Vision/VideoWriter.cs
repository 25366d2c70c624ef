using TorchSharp;
using WeClick.Vision.Interop;
using static TorchSharp.torch;

namespace WeClick.Vision;

/// <summary>Writes uint8 [H, W, 3] RGB frames to a video file (OpenCV VideoWriter); dispose to finish the file.</summary>
public sealed class VideoWriter : IDisposable
{
    private readonly VideoWriterHandle _handle;

    /// <summary>Creates <paramref name="path"/> (e.g. <c>.avi</c> with <c>MJPG</c>, <c>.mp4</c> with <c>mp4v</c>).</summary>
    /// <exception cref="OpenCvException">The container, codec or folder is not usable; the message names the file.</exception>
    public VideoWriter(string path, double framesPerSecond, long width, long height, string fourcc = "MJPG")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(fourcc);
        NativeStatus.Check(NativeMethods.WcVideoWriter_open(path, fourcc, framesPerSecond, width, height, out var writer), nameof(VideoWriter));
        _handle = new VideoWriterHandle(writer);
        Path = path;
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Appends one frame (copied to contiguous CPU memory first if it is not).</summary>
    /// <exception cref="OpenCvException">The frame is not uint8 [height, width, 3].</exception>
    public void Write(Tensor frame)
    {
        using var view = TensorImage.Input(frame);
        NativeStatus.Check(NativeMethods.WcVideoWriter_write(_handle, view.Image));
    }

    /// <summary>Finishes and closes the file.</summary>
    public void Dispose() => _handle.Dispose();
}
