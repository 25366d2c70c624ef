namespace WeClick.Experiments;

/// <summary>Click generation (WeClick §4.2): one click per instance and per large stuff component.</summary>
public sealed record ClicksConfig
{
    /// <summary>Seed of the random pixel chosen when an object's centroid lies outside it.</summary>
    public int Seed { get; init; }

    /// <summary>Disc radius of each click in pixels (0 = the single clicked pixel, the paper's setting).</summary>
    public int Radius { get; init; }

    /// <summary>A fixed minimum stuff-component area in pixels; null = 512 px scaled from 1024×2048 to the image size.</summary>
    public int? MinimumArea { get; init; }
}
