namespace WeClick.Experiments;

/// <summary>How predictions are made for evaluation: single scale by default, optionally with flip and several scales.</summary>
public sealed record EvaluationConfig
{
    /// <summary>Also predict the mirrored image and average the probabilities.</summary>
    public bool Flip { get; init; }

    /// <summary>Input scales whose probabilities are averaged (1.0 = single scale).</summary>
    public IReadOnlyList<double> Scales { get; init; } = [1.0];

    /// <summary>Frames timed for FPS after the warm-up (median latency, batch 1).</summary>
    public int SpeedFrames { get; init; } = 20;
}
