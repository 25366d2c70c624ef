using WeClick.Data;

namespace WeClick.Experiments;

/// <summary>The student's clips: how many frames, on which side of the target, how far (WeClick §3.3, Tables 2–3).</summary>
public sealed record ClipConfig
{
    /// <summary>n, input frames per clip including the target (3 in the paper; 1 = no MFD possible).</summary>
    public int Frames { get; init; } = 3;

    /// <summary>Where the neighbours lie: forward (earlier frames), backward (later) or both.</summary>
    public FrameDirection Direction { get; init; } = FrameDirection.Forward;

    /// <summary><c>fixed</c> (every <see cref="Interval"/> frames) or <c>random</c> (within <see cref="MinInterval"/>..<see cref="MaxInterval"/>).</summary>
    public string Sampling { get; init; } = "fixed";

    /// <summary>Distance between consecutive frames of a clip with fixed sampling.</summary>
    public int Interval { get; init; } = 1;

    /// <summary>Smallest distance with random sampling.</summary>
    public int MinInterval { get; init; } = 1;

    /// <summary>Largest distance with random sampling.</summary>
    public int MaxInterval { get; init; } = 4;

    /// <summary>The sampling policy these settings describe.</summary>
    /// <exception cref="ArgumentException">Unknown sampling name or bad distances (named).</exception>
    public SamplingPolicy ToPolicy() => Sampling switch
    {
        "fixed" when Interval >= 1 => new FixedInterval(Interval),
        "random" when MinInterval >= 1 && MaxInterval >= MinInterval => new RandomRange(MinInterval, MaxInterval, MinInterval, MaxInterval),
        "fixed" => throw new ArgumentException($"clip.interval must be >= 1, got {Interval}."),
        "random" => throw new ArgumentException($"clip.minInterval and clip.maxInterval must satisfy 1 <= min <= max, got {MinInterval}..{MaxInterval}."),
        _ => throw new ArgumentException($"clip.sampling must be 'fixed' or 'random', got '{Sampling}'."),
    };
}
