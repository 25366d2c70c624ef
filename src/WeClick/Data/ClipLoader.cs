namespace WeClick.Data;

/// <summary>
/// Batches of clips for training and evaluation, read on the consumer's thread or prefetched by background workers.
/// Everything random is derived from (seed, epoch, index) — the epoch's order from (seed, epoch), each clip's neighbour
/// and augmentation draws from <see cref="ClipSeed"/> — so batches are identical whatever the number of workers and
/// thread timing. Prefetch keeps at most <see cref="ClipLoaderOptions.Prefetch"/> batches ahead (a bounded queue);
/// a failure in a worker is rethrown to the consumer, with its original type and message (naming the file), at the
/// batch where it happened; disposing the loader, or leaving the epoch's loop early, stops the workers.
/// </summary>
public sealed partial class ClipLoader : IDisposable
{
    private readonly ClipAugmentation? augmentation;
    private readonly CancellationTokenSource disposed = new();

    /// <summary>A loader over <paramref name="dataset"/>.</summary>
    public ClipLoader(IClipDataset dataset, ClipLoaderOptions? options = null)
    {
        Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        Options = options ?? new ClipLoaderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Workers, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Prefetch, 1, nameof(options));
        augmentation = Options.Augmentation is null ? null : new ClipAugmentation(Options.Augmentation);
    }

    /// <summary>The dataset.</summary>
    public IClipDataset Dataset { get; }

    /// <summary>The options.</summary>
    public ClipLoaderOptions Options { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => Options.DropLast ? Dataset.Count / Options.BatchSize : (Dataset.Count + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>The seed of clip <paramref name="index"/> in <paramref name="epoch"/> (SplitMix64 of the three), independent of visiting order.</summary>
    public static int ClipSeed(int seed, int epoch, int index) =>
        (int)(Mix(Mix(Mix(0x9E3779B97F4A7C15UL ^ (uint)seed) ^ (uint)epoch) ^ (uint)index) >> 33);

    /// <summary>The dataset indices in the order epoch <paramref name="epoch"/> visits them.</summary>
    public int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, Dataset.Count).ToArray();
        if (Options.Shuffle)
        {
            new Random(ClipSeed(Options.Seed, epoch, -1)).Shuffle(order);
        }
        return order;
    }

    /// <summary>Reads clip <paramref name="index"/> as epoch <paramref name="epoch"/> sees it (neighbours drawn, augmented).</summary>
    public Clip LoadClip(int epoch, int index)
    {
        var random = new Random(ClipSeed(Options.Seed, epoch, index));
        var clip = Dataset.GetClip(index, random);
        if (augmentation is null)
        {
            return clip;
        }
        using (clip)
        {
            return augmentation.Apply(clip, random);
        }
    }

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/>, in order. The caller owns (disposes) each batch it receives.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The loader was disposed.</exception>
    public IEnumerable<ClipBatch> Epoch(int epoch)
    {
        ObjectDisposedException.ThrowIf(disposed.IsCancellationRequested, this);
        var order = Order(epoch);
        var count = BatchesPerEpoch;
        if (Options.Workers == 0)
        {
            for (var b = 0; b < count; b++)
            {
                ObjectDisposedException.ThrowIf(disposed.IsCancellationRequested, this);
                yield return BuildBatch(epoch, order, b);
            }
            yield break;
        }
        using var run = new PrefetchRun(this, epoch, order, count, disposed.Token);
        for (var b = 0; b < count; b++)
        {
            yield return run.Take(b);
        }
    }

    /// <summary>Stops background workers of running epochs (their unconsumed batches are disposed).</summary>
    public void Dispose()
    {
        if (!disposed.IsCancellationRequested)
        {
            disposed.Cancel();
        }
    }

    private ClipBatch BuildBatch(int epoch, int[] order, int batch)
    {
        var start = batch * Options.BatchSize;
        var end = Math.Min(start + Options.BatchSize, order.Length);
        var clips = new List<Clip>(end - start);
        try
        {
            for (var i = start; i < end; i++)
            {
                clips.Add(LoadClip(epoch, order[i]));
            }
            return ClipBatch.Collate(clips, Options.Normalization, Dataset.Classes.IgnoreIndex);
        }
        finally
        {
            foreach (var clip in clips)
            {
                clip.Dispose();
            }
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
