
namespace WeClick.Training;

/// <summary>
/// Optimisation of one network (WeClick §4.1): SGD with momentum 0.9 and weight decay 1e-4, poly learning rate with power
/// 0.9, random scale, crop and flip.
/// </summary>
public sealed record ScheduleConfig
{
    /// <summary>Initial learning rate (Cityscapes 7e-3, CamVid 1e-4 in the paper).</summary>
    public double LearningRate { get; init; } = 7e-3;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Poly schedule power: lr · (1 − step/steps)^power.</summary>
    public double PolyPower { get; init; } = 0.9;

    /// <summary>Clips per step.</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Crop height after random scaling.</summary>
    public int CropHeight { get; init; } = 768;

    /// <summary>Crop width after random scaling.</summary>
    public int CropWidth { get; init; } = 768;

    /// <summary>Smallest random scale.</summary>
    public double MinScale { get; init; } = 0.5;

    /// <summary>Largest random scale.</summary>
    public double MaxScale { get; init; } = 2.0;

    /// <summary>Probability of a horizontal flip.</summary>
    public double FlipProbability { get; init; } = 0.5;

    /// <summary>Passes over the training split.</summary>
    public int Epochs { get; init; } = 120;

    /// <summary>
    /// Evaluate on the validation split every this many epochs (and after the last); 0 = only after the last. The curves
    /// are for watching; they pick nothing unless <see cref="Selection"/> says so.
    /// </summary>
    public int EvaluateEvery { get; init; } = 10;

    /// <summary>
    /// Which weights the run hands on as <c>best.safetensors</c>: <c>last</c> (the default; nothing is selected on the split
    /// that is reported) or <c>validation</c> (the best validated epoch: selection on the reported split, which reports
    /// flag as optimistic).
    /// </summary>
    public CheckpointSelection Selection { get; init; } = CheckpointSelection.Last;
}
