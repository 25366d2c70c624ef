namespace WeClick.Data;

/// <summary>
/// Neighbours at multiples of a fixed interval i in the clip's direction: forward n = 3, i = 4 → k−8, k−4, k
/// (ambiguity A8: {F−2i, F−i}; bi-direction {F−i, F+i}). The paper's ablation uses i = 1, 4, 7.
/// </summary>
/// <param name="Interval">Frames between consecutive clip frames (≥ 1).</param>
public sealed record FixedInterval(int Interval = 1) : SamplingPolicy;
