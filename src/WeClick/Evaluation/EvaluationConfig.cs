namespace WeClick.Evaluation;

/// <summary>How predictions are made for evaluation: single scale by default, optionally with flip and several scales.</summary>
public sealed record EvaluationConfig
{
    /// <summary>Also predict the mirrored image and average the probabilities.</summary>
    public bool Flip { get; init; }

    /// <summary>Input scales whose probabilities are averaged (1.0 = single scale).</summary>
    public IReadOnlyList<double> Scales { get; init; } = [1.0];

    /// <summary>Frames timed for FPS after the warm-up (median latency, batch 1).</summary>
    public int SpeedFrames { get; init; } = 20;

    /// <summary>
    /// Temporal consistency (an extra metric the paper lacks): the length of the runs of consecutive frames, ending at
    /// each labelled frame, whose predictions are compared after flow warping; 0 = not measured (the paper presets, where
    /// it would cost a flow estimate per frame of the whole validation split). <c>weclick eval --temporal</c> measures it anyway.
    /// </summary>
    public int TemporalFrames { get; init; }
}
