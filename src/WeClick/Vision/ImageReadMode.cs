namespace WeClick.Vision;

/// <summary>How <see cref="Image.Read"/> decodes a file.</summary>
public enum ImageReadMode
{
    /// <summary>Colour: uint8 [H, W, 3] in RGB order (grey files are expanded).</summary>
    Color = 0,
    /// <summary>One channel as stored: uint8 [H, W] for 8-bit files, int32 [H, W] for 16-bit files (labels, instance ids).</summary>
    Unchanged = 1,
    /// <summary>Grey: uint8 [H, W] (colour files are converted).</summary>
    Grayscale = 2,
}
