namespace WeClick.Vision;

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
