namespace WeClick.Clicks;

/// <summary>
/// How dense labels become clicks (WeClick §4.2; algorithms.md §2.1, ambiguities A6 and A7).
/// </summary>
/// <remarks>
/// The paper drops stuff components under 512 pixels on 2048×1024 Cityscapes frames. For other sizes the
/// threshold is scaled by the image area, <c>round(512 · H·W / (2048·1024))</c>, which gives 42 px on
/// 480×360 CamVid frames (A7); <see cref="MinimumAreaOverride"/> fixes it to an absolute value instead
/// (e.g. 512 on CamVid, the other option A7 reports).
/// </remarks>
public sealed record ClickSettings
{
    /// <summary>Class ids of the "thing" classes: one click per instance where an instance map is given,
    /// else (CamVid) one per connected component, like stuff.</summary>
    public IReadOnlySet<int> InstanceClasses { get; init; } = new HashSet<int>();

    /// <summary>The label value of pixels that are never clicked and that separate components (255).</summary>
    public int IgnoreIndex { get; init; } = 255;

    /// <summary>Smallest kept stuff component at the reference resolution, in pixels (WeClick §4.2: 512).</summary>
    public double ReferenceMinimumArea { get; init; } = 512;

    /// <summary>Height of the reference resolution (Cityscapes: 1024).</summary>
    public int ReferenceHeight { get; init; } = 1024;

    /// <summary>Width of the reference resolution (Cityscapes: 2048).</summary>
    public int ReferenceWidth { get; init; } = 2048;

    /// <summary>If set, the absolute minimum component area for every image size (no scaling).</summary>
    public int? MinimumAreaOverride { get; init; }

    /// <summary>8-connectivity (diagonal neighbours connect; WeClick §4.2) when true, else 4-connectivity.</summary>
    public bool EightConnectivity { get; init; } = true;

    /// <summary>The seed of the random pixel chosen when an object's centroid lies outside it.</summary>
    public int Seed { get; init; }

    /// <summary>Radius of the disk each click labels when rasterised (0 = the clicked pixel only).</summary>
    public int Radius { get; init; }

    /// <summary>Cityscapes trainIds: instance classes person..bicycle (11..18), ignore 255, 512 px at 2048×1024.</summary>
    public static ClickSettings Cityscapes => new() { InstanceClasses = new HashSet<int> { 11, 12, 13, 14, 15, 16, 17, 18 } };

    /// <summary>CamVid and the synthetic set: instance classes car, pedestrian, bicyclist (8, 9, 10), ignore 255,
    /// threshold scaled to the image size (≈42 px at 480×360, A7).</summary>
    public static ClickSettings CamVid => new() { InstanceClasses = new HashSet<int> { 8, 9, 10 } };

    /// <summary>
    /// The smallest component area kept on an image of <paramref name="height"/>×<paramref name="width"/>:
    /// <see cref="MinimumAreaOverride"/> if set, else <c>round(ReferenceMinimumArea · H·W / (ReferenceHeight·ReferenceWidth))</c>
    /// (midpoints away from zero), at least 1. Components with fewer pixels are dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public int MinimumArea(long height, long width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (MinimumAreaOverride is { } fixedArea)
        {
            return Math.Max(1, fixedArea);
        }
        var scaled = ReferenceMinimumArea * ((double)height * width) / ((double)ReferenceHeight * ReferenceWidth);
        return (int)Math.Max(1, Math.Round(scaled, MidpointRounding.AwayFromZero));
    }

    /// <summary>Checks the settings, naming the offending value.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (ReferenceMinimumArea < 0 || double.IsNaN(ReferenceMinimumArea))
        {
            throw new ArgumentException($"ClickSettings.ReferenceMinimumArea must be ≥ 0, not {ReferenceMinimumArea}.");
        }
        if (ReferenceHeight <= 0 || ReferenceWidth <= 0)
        {
            throw new ArgumentException($"ClickSettings reference size must be positive, not {ReferenceWidth}×{ReferenceHeight}.");
        }
        if (Radius < 0)
        {
            throw new ArgumentException($"ClickSettings.Radius must be ≥ 0, not {Radius}.");
        }
        if (InstanceClasses.Contains(IgnoreIndex))
        {
            throw new ArgumentException($"ClickSettings.InstanceClasses contains the ignore index {IgnoreIndex}.");
        }
    }
}
