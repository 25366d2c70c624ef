namespace WeClick.Torch.Optim;

/// <summary>
/// Learning-rate schedules as tiny pure functions of the iteration (nanoGPT style); compose them with
/// <see cref="LinearWarmup"/> (<c>Poly(i, ...) * LinearWarmup(i, ...)</c>) and apply them with <see cref="LrScheduler"/>.
/// Each equals the closed form of the matching <c>torch.optim.lr_scheduler</c> class.
/// </summary>
public static class Schedules
{
    /// <summary>
    /// Polynomial decay (mmsegmentation's "poly", PyTorch's PolynomialLR when <paramref name="minLr"/> = 0):
    /// (baseLr − minLr)·(1 − min(iter, maxIters)/maxIters)^power + minLr.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxIters"/> is not positive or <paramref name="iter"/> is negative.</exception>
    public static double Poly(long iter, double baseLr, long maxIters, double power = 1.0, double minLr = 0)
    {
        Check(iter, maxIters, nameof(maxIters));
        // 1. Fraction of the run left, clamped at the end.
        var remaining = 1.0 - (double)Math.Min(iter, maxIters) / maxIters;
        // 2. Decay from baseLr towards minLr.
        return (baseLr - minLr) * Math.Pow(remaining, power) + minLr;
    }

    /// <summary>Step decay, as StepLR: baseLr·gamma^⌊iter/stepSize⌋.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepSize"/> is not positive or <paramref name="iter"/> is negative.</exception>
    public static double Step(long iter, double baseLr, long stepSize, double gamma = 0.1)
    {
        Check(iter, stepSize, nameof(stepSize));
        return baseLr * Math.Pow(gamma, iter / stepSize);
    }

    /// <summary>
    /// Cosine annealing, as CosineAnnealingLR's closed form for iter ≤ maxIters:
    /// minLr + (baseLr − minLr)·(1 + cos(π·iter/maxIters))/2; after maxIters it stays at minLr (nanoGPT's rule).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxIters"/> is not positive or <paramref name="iter"/> is negative.</exception>
    public static double Cosine(long iter, double baseLr, long maxIters, double minLr = 0)
    {
        Check(iter, maxIters, nameof(maxIters));
        if (iter >= maxIters)
        {
            return minLr;
        }
        return minLr + (baseLr - minLr) * (1 + Math.Cos(Math.PI * iter / maxIters)) / 2;
    }

    /// <summary>
    /// A warm-up factor that grows linearly from <paramref name="startFactor"/> at iteration 0 to 1 at
    /// <paramref name="warmupIters"/> and stays 1 after (LinearLR with end_factor 1; mmsegmentation's linear warm-up
    /// with warmup_ratio = startFactor): startFactor + (1 − startFactor)·min(iter, warmupIters)/warmupIters.
    /// Multiply any schedule by it. With <paramref name="warmupIters"/> = 0 it is always 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="warmupIters"/> or <paramref name="iter"/> is negative.</exception>
    public static double LinearWarmup(long iter, long warmupIters, double startFactor)
    {
        if (warmupIters < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupIters), warmupIters, "warmupIters must not be negative.");
        }
        if (iter < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(iter), iter, "iter must not be negative.");
        }
        if (warmupIters == 0)
        {
            return 1.0;
        }
        return startFactor + (1.0 - startFactor) * Math.Min(iter, warmupIters) / warmupIters;
    }

    private static void Check(long iter, long length, string name)
    {
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(name, length, $"{name} must be positive.");
        }
        if (iter < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(iter), iter, "iter must not be negative.");
        }
    }
}
