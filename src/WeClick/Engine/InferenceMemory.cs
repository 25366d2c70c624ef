namespace WeClick.Engine;

/// <summary>
/// glibc malloc thresholds for a process that only infers: activations stay in malloc's heap instead of being mapped,
/// page-faulted and unmapped afresh on every forward (environment.md, "Speed").
/// </summary>
/// <remarks>
/// <para>Why: at 1024×512 and output stride 8, single activations of the students reach 33–84 MB (for example
/// 2560×64×128 floats before PSPNet's 3×3 convolution), above the 32 MiB mmap threshold that <see cref="TorchEngine.Configure"/>
/// sets for training, and the heap's free top is returned to the kernel past 64 MiB. So every forward maps and
/// zero-fills hundreds of megabytes again. Measured on the development machine (AMD EPYC, 2 cores, BatchNorm folded,
/// oneDNN's default kernels, medians of 5–7 forwards in one process, 2026-12-04): DeepLabV3+ MobileNetV2 at 1024×512
/// 1,811–1,867 ms → 806–828 ms, PSPNet MobileNetV2 937–1,403 → 695–869 ms; at 480×360, whose activations are smaller,
/// within ±5 %.</para>
/// <para>The cost is resident memory: the heap keeps the forward's peak (about 0.5 GB for a student at 1024×512)
/// instead of handing it back between frames. That is why training keeps the lower thresholds, whose memory stays
/// flat over 2,000 steps. <c>WECLICK_MALLOC_DEFAULTS=1</c> leaves malloc alone here too.</para>
/// </remarks>
public static class InferenceMemory
{
    /// <summary>The mmap and trim threshold while inferring: 1 GiB, above any single activation of the catalogue at 1024×512.</summary>
    public const long Threshold = 1L << 30;

    private static readonly Lock s_lock = new();
    private static int s_depth;

    /// <summary>True while an <see cref="Enter"/> scope is open and its thresholds were accepted.</summary>
    public static bool IsRaised { get; private set; }

    /// <summary>
    /// Raises the thresholds until the returned scope is disposed, which restores the training thresholds (or nothing,
    /// where the workbench never set any). Scopes nest; the outermost one restores.
    /// </summary>
    public static IDisposable Enter()
    {
        lock (s_lock)
        {
            if (s_depth++ == 0 && Environment.GetEnvironmentVariable(TorchEngine.MallocDefaultsVariable) != "1")
            {
                IsRaised = TorchEngine.TrySetMallocThresholds(Threshold, Threshold);
            }
        }
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            lock (s_lock)
            {
                if (disposed)
                {
                    return;
                }
                disposed = true;
                if (--s_depth == 0 && IsRaised)
                {
                    IsRaised = false;
                    if (TorchEngine.MallocThresholdsSet)
                    {
                        TorchEngine.TrySetMallocThresholds(TorchEngine.MmapThreshold, TorchEngine.TrimThreshold);
                    }
                    else
                    {
                        // glibc's initial values, 128 KiB each (its dynamic rule stays off once mallopt has set a threshold).
                        TorchEngine.TrySetMallocThresholds(128 << 10, 128 << 10);
                    }
                }
            }
        }
    }
}
