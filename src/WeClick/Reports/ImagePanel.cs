using TorchSharp;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Reports;

/// <summary>One titled picture of an <see cref="ImagePanels"/> figure, kept as PNG bytes (no tensor to keep alive).</summary>
/// <param name="Title">The caption under the picture.</param>
/// <param name="Png">The picture as a PNG file.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Width">Its width in pixels.</param>
public sealed record ImagePanel(string Title, byte[] Png, int Height, int Width)
{
    /// <summary>A panel of an RGB picture, uint8 [H, W, 3] (or a grey uint8 [H, W]).</summary>
    /// <exception cref="ArgumentException">The tensor is not a uint8 [H, W, 3] or [H, W] image.</exception>
    public static ImagePanel FromImage(string title, Tensor image)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(image);
        if (image.dtype != ScalarType.Byte || !(image.dim() == 2 || (image.dim() == 3 && image.size(2) == 3)))
        {
            throw new ArgumentException($"Image panel '{title}': expected uint8 [H, W, 3] or [H, W], got {image.dtype} [{string.Join(", ", image.shape)}].", nameof(image));
        }
        using var cpu = image.cpu();
        return new ImagePanel(title, Image.EncodePng(cpu), (int)image.size(0), (int)image.size(1));
    }
}
