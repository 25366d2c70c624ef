using WeClick.Torch.Interop;

namespace WeClick.Torch.Vision;

/// <summary>
/// Image files and image operations through OpenCV 4.6, straight into tensors (no per-pixel managed
/// loops). Images are tensors in OpenCV's layout: uint8 [H, W, 3] RGB, or [H, W] single-channel maps
/// (uint8, or int32 for 16-bit files such as Cityscapes instance ids).
/// </summary>
public static class Image
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
        var status = NativeMethods.WcCv_imread(path, (int)mode, out var result);
        if (status != NativeStatus.Ok)
        {
            try
            {
                NativeStatus.Check(status, nameof(Read));
            }
            catch (TorchException e)
            {
                throw new InvalidDataException(e.NativeMessage, e);
            }
        }
        return new Tensor(result);
    }

    /// <summary>Reads a single-channel label or instance map (8-bit → uint8, 16-bit → int32), refusing colour files.</summary>
    /// <exception cref="InvalidDataException">The file has several channels (e.g. a colour-coded label picture), or cannot be decoded.</exception>
    public static Tensor ReadLabel(string path) => Read(path, ImageReadMode.Unchanged);

    /// <summary>
    /// Writes uint8 [H, W, 3] RGB, uint8 [H, W], or int32 [H, W] with values in [0, 65535] (as 16-bit PNG).
    /// The format follows the extension (.png, .jpg, ...).
    /// </summary>
    /// <exception cref="TorchException">The folder does not exist, the extension is unknown, or the tensor is not an image.</exception>
    public static void Write(string path, Tensor image)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(image);
        NativeStatus.Check(NativeMethods.WcCv_imwrite(path, image.Handle), nameof(Write));
    }

    /// <summary>
    /// Encodes an image in memory as <see cref="Write"/> would write it to a file named <c>*.png</c> (or another
    /// <paramref name="extension"/>): uint8 [H, W, 3] RGB, uint8 [H, W], or int32 [H, W] in [0, 65535] (16-bit PNG).
    /// Notebooks and reports embed the bytes (base64) without a temporary file.
    /// </summary>
    /// <param name="image">The image tensor (CPU).</param>
    /// <param name="extension">The format, as a file extension with its dot: <c>.png</c> (lossless; default), <c>.jpg</c>, …</param>
    /// <returns>The encoded file's bytes.</returns>
    /// <exception cref="TorchException">The extension is unknown or the tensor is not an image.</exception>
    public static byte[] Encode(Tensor image, string extension = ".png")
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(extension);
        NativeStatus.Check(NativeMethods.WcCv_imencode(image.Handle, extension, out var buffer, out var length), nameof(Encode));
        try
        {
            var bytes = new byte[length];
            System.Runtime.InteropServices.Marshal.Copy(buffer, bytes, 0, checked((int)length));
            return bytes;
        }
        finally
        {
            NativeMethods.WcMemory_free(buffer);
        }
    }

    /// <summary>The image as PNG bytes (lossless): <see cref="Encode"/> with <c>.png</c>.</summary>
    /// <exception cref="TorchException">The tensor is not an image.</exception>
    public static byte[] EncodePng(Tensor image) => Encode(image, ".png");

    /// <summary>Resizes to <paramref name="height"/>×<paramref name="width"/>. Use <see cref="Interpolation.Area"/> to shrink
    /// images, <see cref="Interpolation.Bilinear"/> to enlarge them, <see cref="Interpolation.Nearest"/> for labels.</summary>
    public static Tensor Resize(Tensor image, long height, long width, Interpolation interpolation) =>
        Tensor.Wrap(NativeMethods.WcCv_resize(image.Handle, height, width, (int)interpolation, out var r), r);

    /// <summary>Converts between colour spaces.</summary>
    public static Tensor ConvertColor(Tensor image, ColorConversion conversion) =>
        Tensor.Wrap(NativeMethods.WcCv_cvt_color(image.Handle, (int)conversion, out var r), r);

    /// <summary>
    /// Adds Gaussian noise N(0, <paramref name="sigma"/>²) to every element, from a generator seeded with
    /// <paramref name="seed"/> (OpenCV's RNG, no global state: the same seed gives the same noise); uint8 saturates.
    /// </summary>
    public static Tensor AddGaussianNoise(Tensor image, double sigma, long seed) =>
        Tensor.Wrap(NativeMethods.WcCv_add_noise(image.Handle, sigma, unchecked((ulong)seed), out var r), r);

    /// <summary>Gaussian blur with an odd square kernel (borders reflected).</summary>
    public static Tensor GaussianBlur(Tensor image, int kernelSize, double sigma) =>
        Tensor.Wrap(NativeMethods.WcCv_gaussian_blur(image.Handle, kernelSize, sigma, out var r), r);

    /// <summary>Connected components of the non-zero pixels of a uint8 [H, W] mask.</summary>
    /// <param name="mask">uint8 [H, W]; non-zero is foreground.</param>
    /// <param name="connectivity">8 (diagonal neighbours connect; WeClick §4.2) or 4.</param>
    public static ConnectedComponents FindConnectedComponents(Tensor mask, int connectivity = 8)
    {
        NativeStatus.Check(NativeMethods.WcCv_connected_components(mask.Handle, connectivity, out var labels, out var stats, out var centroids),
            nameof(FindConnectedComponents));
        using var statTensor = new Tensor(stats);
        using var centroidTensor = new Tensor(centroids);
        var s = statTensor.ToArray<int>();
        var c = centroidTensor.ToArray<double>();
        var components = new ComponentStatistics[s.Length / 5];
        for (var i = 0; i < components.Length; i++)
        {
            components[i] = new ComponentStatistics(i, s[5 * i], s[5 * i + 1], s[5 * i + 2], s[5 * i + 3], s[5 * i + 4], c[2 * i], c[2 * i + 1]);
        }
        return new ConnectedComponents(new Tensor(labels), components);
    }

    // libjpeg decodes a cut-off JPEG with a warning and grey filler; refuse it instead.
    private static void CheckJpegIsComplete(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".jpg" or ".jpeg"))
        {
            return;
        }
        using var file = File.OpenRead(path);
        if (file.Length < 4)
        {
            throw new InvalidDataException($"'{path}' is too short to be a JPEG image.");
        }
        var tail = new byte[Math.Min(64, file.Length)];
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        var end = tail.Length;
        while (end > 2 && tail[end - 1] == 0)
        {
            end--; // some writers pad after the end marker
        }
        if (tail[end - 2] != 0xFF || tail[end - 1] != 0xD9)
        {
            throw new InvalidDataException($"'{path}' is a truncated JPEG (no end-of-image marker).");
        }
    }
}
