namespace WeClick.Experiments;

/// <summary>One metric logged during training (a row of <c>epoch_metrics</c>).</summary>
/// <param name="Epoch">The epoch (1-based as the trainer counts).</param>
/// <param name="Step">The optimiser step at which it was logged.</param>
/// <param name="Name">The metric, e.g. <c>loss</c>, <c>mIoU</c>.</param>
/// <param name="Value">Its value.</param>
public sealed record EpochMetric(int Epoch, long Step, string Name, double Value);
