using TorchSharp;
using WeClick.Vision.Interop;
using static TorchSharp.torch;

namespace WeClick.Vision;

/// <summary>Reads the frames of a video file (OpenCV VideoCapture; FFmpeg formats) as uint8 [H, W, 3] RGB CPU tensors.</summary>
public sealed class VideoReader : IDisposable
{
    private readonly VideoHandle _handle;

    /// <summary>Opens <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">OpenCV cannot open it as a video; the message names the file.</exception>
    public VideoReader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Video file not found: '{path}'.", path);
        }
        var status = NativeMethods.WcVideo_open(path, out var video);
        if (status != NativeStatus.Ok)
        {
            var message = NativeStatus.TakeLastError();
            throw new InvalidDataException(message, new OpenCvException(nameof(VideoReader), message));
        }
        _handle = new VideoHandle(video);
        NativeStatus.Check(NativeMethods.WcVideo_info(_handle, out var fps, out var count, out var width, out var height));
        Path = path;
        FramesPerSecond = fps;
        FrameCount = count;
        Width = width;
        Height = height;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Frames per second the container declares.</summary>
    public double FramesPerSecond { get; }

    /// <summary>Frame count the container declares (may be approximate for some formats).</summary>
    public long FrameCount { get; }

    /// <summary>Frame width in pixels.</summary>
    public long Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public long Height { get; }

    /// <summary>The next frame, or null at the end of the video.</summary>
    /// <exception cref="OpenCvException">Decoding failed.</exception>
    public Tensor? ReadFrame()
    {
        NativeStatus.Check(NativeMethods.WcVideo_read(_handle, out var frame));
        return frame.Data == IntPtr.Zero ? null : TensorImage.Take(frame);
    }

    /// <summary>The remaining frames, one at a time (each is the caller's to dispose).</summary>
    public IEnumerable<Tensor> Frames()
    {
        while (ReadFrame() is { } frame)
        {
            yield return frame;
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _handle.Dispose();
}
