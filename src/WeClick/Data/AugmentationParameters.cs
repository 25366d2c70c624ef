namespace WeClick.Data;

/// <summary>
/// One draw of <see cref="ClipAugmentation"/>, shared by every frame of a clip: resize to
/// <see cref="ScaledHeight"/>×<see cref="ScaledWidth"/>, take the window of <see cref="CropHeight"/>×<see cref="CropWidth"/>
/// whose top-left corner is (<see cref="OffsetY"/>, <see cref="OffsetX"/>) in the resized frame (negative offsets or a
/// window past the edge mean padding), then mirror left–right if <see cref="Flip"/>.
/// </summary>
/// <param name="ScaledHeight">Height after resizing.</param>
/// <param name="ScaledWidth">Width after resizing.</param>
/// <param name="OffsetY">Row of the window's top in the resized frame.</param>
/// <param name="OffsetX">Column of the window's left in the resized frame.</param>
/// <param name="CropHeight">Output height.</param>
/// <param name="CropWidth">Output width.</param>
/// <param name="Flip">Mirror horizontally after cropping.</param>
public sealed record AugmentationParameters(int ScaledHeight, int ScaledWidth, int OffsetY, int OffsetX, int CropHeight, int CropWidth, bool Flip)
{
    /// <summary>Where a point (x, y) of an original frame of size <paramref name="height"/>×<paramref name="width"/> lands.
    /// Pixel centres map as OpenCV's resize maps them: x' = (x + ½)·W'/W − ½, then − offset, then mirrored.</summary>
    public (double X, double Y) Transform(double x, double y, long height, long width)
    {
        var sx = (double)ScaledWidth / width;
        var sy = (double)ScaledHeight / height;
        var tx = (x + 0.5) * sx - 0.5 - OffsetX;
        var ty = (y + 0.5) * sy - 0.5 - OffsetY;
        return (Flip ? CropWidth - 1 - tx : tx, ty);
    }
}
