using System.Runtime.InteropServices;
using TorchSharp;
using WeClick.Vision.Interop;
using static TorchSharp.torch;

namespace WeClick.Vision;

public static partial class Image
{
    /// <summary>Connected components of the non-zero pixels of a uint8 [H, W] mask.</summary>
    /// <param name="mask">uint8 [H, W]; non-zero is foreground.</param>
    /// <param name="connectivity">8 (diagonal neighbours connect; WeClick §4.2) or 4.</param>
    /// <exception cref="OpenCvException">The mask is not uint8 [H, W], or the connectivity is not 4 or 8.</exception>
    public static ConnectedComponents FindConnectedComponents(Tensor mask, int connectivity = 8)
    {
        using var source = TensorImage.Input(mask);
        var labels = empty([source.Image.Height, source.Image.Width], ScalarType.Int32);
        long count;
        IntPtr stats;
        IntPtr centroids;
        try
        {
            using var target = TensorImage.Output(labels);
            NativeStatus.Check(NativeMethods.WcImage_connected_components(source.Image, connectivity, target.Image, out count, out stats, out centroids));
        }
        catch
        {
            labels.Dispose();
            throw;
        }
        var s = new int[count * 5];
        var c = new double[count * 2];
        try
        {
            Marshal.Copy(stats, s, 0, s.Length);
            Marshal.Copy(centroids, c, 0, c.Length);
        }
        finally
        {
            NativeMethods.WcMemory_free(stats);
            NativeMethods.WcMemory_free(centroids);
        }
        var components = new ComponentStatistics[count];
        for (var i = 0; i < components.Length; i++)
        {
            components[i] = new ComponentStatistics(i, s[5 * i], s[5 * i + 1], s[5 * i + 2], s[5 * i + 3], s[5 * i + 4], c[2 * i], c[2 * i + 1]);
        }
        return new ConnectedComponents(labels, components);
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
