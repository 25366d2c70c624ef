namespace WeClick.Data;

/// <summary>How a <see cref="ClipLoader"/> batches clips.</summary>
/// <param name="BatchSize">Clips per batch.</param>
/// <param name="Seed">The run's seed: the epoch order and every clip's neighbour/augmentation draws derive from (seed, epoch, index).</param>
/// <param name="Shuffle">Visit the clips in a fresh seeded order each epoch.</param>
/// <param name="DropLast">Drop a last, smaller batch.</param>
/// <param name="Workers">Background workers reading clips (0 = read on the consumer's thread).</param>
/// <param name="Prefetch">Batches prepared ahead of the consumer at most (the bounded queue).</param>
public sealed record ClipLoaderOptions(int BatchSize = 1, int Seed = 0, bool Shuffle = false, bool DropLast = false, int Workers = 0, int Prefetch = 2)
{
    /// <summary>Geometric augmentation applied to every clip; null = none.</summary>
    public AugmentationSettings? Augmentation { get; init; }

    /// <summary>Image normalisation of the batch tensors; null = ImageNet.</summary>
    public ImageNormalization? Normalization { get; init; }
}
