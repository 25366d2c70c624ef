namespace WeClick.Training;

/// <summary>How a training run ended.</summary>
/// <param name="State">The final checkpoint state (epochs, steps, best validation mIoU).</param>
/// <param name="Folder">The run folder (best and last checkpoints).</param>
/// <param name="LastValidation">The last validation metrics, or null when the run had no validation.</param>
/// <param name="TrainingSeconds">Wall time spent in training steps by this process (validation excluded).</param>
/// <param name="Resumed">Whether the run continued from a checkpoint.</param>
public sealed record TrainingResult(CheckpointState State, string Folder, IReadOnlyDictionary<string, double>? LastValidation, double TrainingSeconds, bool Resumed)
{
    /// <summary>The best-on-validation weights (the last weights when there was no validation).</summary>
    public string BestWeights => TrainingCheckpoint.BestPath(Folder);
}
