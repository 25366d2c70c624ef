namespace WeClick.Training;

/// <summary>
/// Which epoch's weights a run hands on (<c>best.safetensors</c>: what is evaluated, reported, and distilled from).
/// Picking the best epoch on the split the table reports makes the table optimistic, so the default does not select.
/// </summary>
public enum CheckpointSelection
{
    /// <summary>The last epoch's weights (the default): nothing is chosen on the reported split.</summary>
    Last,

    /// <summary>
    /// The epoch with the best validation mIoU. The validation split is the one reports use, so this is model selection on
    /// the test data: useful to explore, not to report (reports say so).
    /// </summary>
    Validation,
}
