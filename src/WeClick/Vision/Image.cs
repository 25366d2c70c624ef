using System.Runtime.InteropServices;
using TorchSharp;
using WeClick.Vision.Interop;
using static TorchSharp.torch;

namespace WeClick.Vision;

/// <summary>
/// Image files and image operations through OpenCV 4.6, straight into TorchSharp tensors (no per-pixel managed
/// loops). Images are tensors in OpenCV's layout: uint8 [H, W, 3] RGB, or [H, W] single-channel maps
/// (uint8, or int32 for 16-bit files such as Cityscapes instance ids).
/// </summary>
/// <remarks>
/// Inputs may live anywhere: a tensor that is not contiguous or not on the CPU is copied to a contiguous CPU tensor
/// for the call (the native shim reads its memory directly). Results are new CPU tensors in the current dispose scope.
/// </remarks>
public static partial class Image
{
    /// <summary>Reads an image file (PNG, JPEG, ...).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable image, is truncated, or (for
    /// <see cref="ImageReadMode.Unchanged"/>) has more than one channel or an unsupported bit depth; the message names the file.</exception>
    public static Tensor Read(string path, ImageReadMode mode = ImageReadMode.Color)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Image file not found: '{path}'.", path);
        }
        CheckJpegIsComplete(path);
        var status = NativeMethods.WcImage_read(path, (int)mode, out var result);
        if (status != NativeStatus.Ok)
        {
            var message = NativeStatus.TakeLastError();
            throw new InvalidDataException(message, new OpenCvException(nameof(Read), message));
        }
        return TensorImage.Take(result);
    }

    /// <summary>Reads a single-channel label or instance map (8-bit → uint8, 16-bit → int32), refusing colour files.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file has several channels (e.g. a colour-coded label picture), or cannot be decoded.</exception>
    public static Tensor ReadLabel(string path) => Read(path, ImageReadMode.Unchanged);

    /// <summary>
    /// Writes uint8 [H, W, 3] RGB, uint8 [H, W], or int32 [H, W] with values in [0, 65535] (as 16-bit PNG).
    /// The format follows the extension (.png, .jpg, ...).
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not [H, W] or [H, W, C] uint8, int32 or float32.</exception>
    /// <exception cref="OpenCvException">The folder does not exist, the extension is unknown, or int32 values are out of range; the message names the file.</exception>
    public static void Write(string path, Tensor image)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var view = TensorImage.Input(image);
        NativeStatus.Check(NativeMethods.WcImage_write(path, view.Image));
    }

    /// <summary>
    /// Encodes an image in memory as <see cref="Write"/> would write it to a file named <c>*.png</c> (or another
    /// <paramref name="extension"/>): uint8 [H, W, 3] RGB, uint8 [H, W], or int32 [H, W] in [0, 65535] (16-bit PNG).
    /// Notebooks and reports embed the bytes (base64) without a temporary file.
    /// </summary>
    /// <param name="image">The image tensor.</param>
    /// <param name="extension">The format, as a file extension with its dot: <c>.png</c> (lossless; default), <c>.jpg</c>, …</param>
    /// <returns>The encoded file's bytes.</returns>
    /// <exception cref="ArgumentException">The tensor is not an image.</exception>
    /// <exception cref="OpenCvException">The extension is unknown or has no dot, or int32 values are out of range.</exception>
    public static byte[] Encode(Tensor image, string extension = ".png")
    {
        ArgumentException.ThrowIfNullOrEmpty(extension);
        using var view = TensorImage.Input(image);
        NativeStatus.Check(NativeMethods.WcImage_encode(view.Image, extension, out var buffer, out var length));
        try
        {
            var bytes = new byte[length];
            Marshal.Copy(buffer, bytes, 0, checked((int)length));
            return bytes;
        }
        finally
        {
            NativeMethods.WcMemory_free(buffer);
        }
    }

    /// <summary>The image as PNG bytes (lossless): <see cref="Encode"/> with <c>.png</c>.</summary>
    /// <exception cref="ArgumentException">The tensor is not an image.</exception>
    /// <exception cref="OpenCvException">int32 values are out of range.</exception>
    public static byte[] EncodePng(Tensor image) => Encode(image, ".png");

    /// <summary>Resizes to <paramref name="height"/>×<paramref name="width"/>. Use <see cref="Interpolation.Area"/> to shrink
    /// images, <see cref="Interpolation.Bilinear"/> to enlarge them, <see cref="Interpolation.Nearest"/> for labels.</summary>
    /// <returns>A new tensor of the input's dtype and channel count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive.</exception>
    /// <exception cref="OpenCvException">An int32 map with an interpolation other than nearest.</exception>
    public static Tensor Resize(Tensor image, long height, long width, Interpolation interpolation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        using var source = TensorImage.Input(image);
        return Into(empty(TensorImage.ShapeLike(source.Tensor, height, width), source.Tensor.dtype),
            target => NativeMethods.WcImage_resize(source.Image, target, (int)interpolation));
    }

    /// <summary>Converts between colour spaces (the result's channel count follows the conversion).</summary>
    public static Tensor ConvertColor(Tensor image, ColorConversion conversion)
    {
        using var source = TensorImage.Input(image);
        NativeStatus.Check(NativeMethods.WcImage_cvt_color(source.Image, (int)conversion, out var result));
        return TensorImage.Take(result);
    }

    /// <summary>
    /// Adds Gaussian noise N(0, <paramref name="sigma"/>²) to every element, from a generator seeded with
    /// <paramref name="seed"/> (OpenCV's RNG, no global state: the same seed gives the same noise); uint8 saturates.
    /// </summary>
    public static Tensor AddGaussianNoise(Tensor image, double sigma, long seed)
    {
        using var source = TensorImage.Input(image);
        return Into(empty(source.Tensor.shape, source.Tensor.dtype),
            target => NativeMethods.WcImage_add_noise(source.Image, sigma, unchecked((ulong)seed), target));
    }

    /// <summary>Gaussian blur with an odd square kernel (borders reflected, OpenCV's BORDER_REFLECT101).</summary>
    /// <exception cref="OpenCvException">The kernel size is even or not positive.</exception>
    public static Tensor GaussianBlur(Tensor image, int kernelSize, double sigma)
    {
        using var source = TensorImage.Input(image);
        return Into(empty(source.Tensor.shape, source.Tensor.dtype),
            target => NativeMethods.WcImage_gaussian_blur(source.Image, kernelSize, sigma, target));
    }

    // Runs a native call that writes into a new output tensor; disposes the tensor if the call fails.
    private static Tensor Into(Tensor result, Func<WcImage, int> call, [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        try
        {
            using var target = TensorImage.Output(result);
            NativeStatus.Check(call(target.Image), operation);
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }
}
