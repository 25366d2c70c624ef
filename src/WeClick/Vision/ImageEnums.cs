namespace WeClick.Torch.Vision;

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

/// <summary>Interpolation for <see cref="Image.Resize"/>.</summary>
public enum Interpolation
{
    /// <summary>Nearest neighbour: the only choice for label maps and instance ids.</summary>
    Nearest = 0,
    /// <summary>Bilinear: images, enlarging.</summary>
    Bilinear = 1,
    /// <summary>Pixel-area averaging: images, shrinking (no aliasing).</summary>
    Area = 2,
    /// <summary>Bicubic.</summary>
    Bicubic = 3,
}

/// <summary>Colour conversions (the values are OpenCV's <c>cv::ColorConversionCodes</c>).</summary>
public enum ColorConversion
{
    /// <summary>Swap the red and blue channels (either direction).</summary>
    RgbToBgr = 4,
    /// <summary>RGB to grey (ITU-R BT.601 weights).</summary>
    RgbToGray = 7,
    /// <summary>Grey to RGB (three equal channels).</summary>
    GrayToRgb = 8,
    /// <summary>RGB to HSV (uint8: H in [0, 180)).</summary>
    RgbToHsv = 41,
    /// <summary>HSV to RGB.</summary>
    HsvToRgb = 55,
}
