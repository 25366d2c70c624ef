namespace WeClick.Data;

/// <summary>The frame indices of a clip's neighbours: a pure function of the target, size, direction, policy and RNG.</summary>
public static class NeighbourSampler
{
    /// <summary>
    /// The n − 1 neighbour frame indices of target frame <paramref name="k"/>, ascending (the target itself excluded).
    /// Before/after counts follow <see cref="FrameDirection"/>: Forward all before, Backward all after, BiDirection
    /// ⌈(n−1)/2⌉ before and ⌊(n−1)/2⌋ after. <see cref="FixedInterval"/>(i) puts the j-th neighbour on a side at
    /// distance j·i; <see cref="RandomRange"/> draws distinct distances uniformly from its window on each side.
    /// Indices are not clamped: a dataset reports a neighbour outside its video as a missing frame.
    /// </summary>
    /// <param name="k">The target frame index.</param>
    /// <param name="n">Frames per clip, target included (≥ 1; 1 = no neighbours).</param>
    /// <param name="direction">Where the neighbours lie.</param>
    /// <param name="policy">How far they lie.</param>
    /// <param name="random">Seeded RNG (only <see cref="RandomRange"/> draws from it).</param>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, an interval &lt; 1, a bad window, or a window with fewer distances than neighbours needed.</exception>
    public static int[] NeighbourIndices(int k, int n, FrameDirection direction, SamplingPolicy policy, Random random)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var (before, after) = Counts(n, direction);
        IEnumerable<int> distancesBefore, distancesAfter;
        switch (policy)
        {
            case FixedInterval fixedInterval:
                ArgumentOutOfRangeException.ThrowIfLessThan(fixedInterval.Interval, 1, nameof(policy));
                distancesBefore = Enumerable.Range(1, before).Select(j => j * fixedInterval.Interval);
                distancesAfter = Enumerable.Range(1, after).Select(j => j * fixedInterval.Interval);
                break;
            case RandomRange range:
                // Before first, then after: a fixed draw order keeps clips reproducible from the seed.
                distancesBefore = Draw(range.BeforeMin, range.BeforeMax, before, random, "before");
                distancesAfter = Draw(range.AfterMin, range.AfterMax, after, random, "after");
                break;
            default:
                throw new ArgumentException($"Unknown sampling policy {policy.GetType().Name}.", nameof(policy));
        }
        return distancesBefore.Select(d => k - d).Concat(distancesAfter.Select(d => k + d)).Order().ToArray();
    }

    /// <summary>How many neighbours lie before and after the target for a clip of <paramref name="n"/> frames.</summary>
    public static (int Before, int After) Counts(int n, FrameDirection direction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return direction switch
        {
            FrameDirection.Forward => (n - 1, 0),
            FrameDirection.Backward => (0, n - 1),
            FrameDirection.BiDirection => ((n - 1 + 1) / 2, (n - 1) / 2), // the extra one of an even n goes to the past
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "unknown frame direction"),
        };
    }

    // `count` distinct distances uniformly from [min, max] (a partial Fisher–Yates shuffle).
    private static int[] Draw(int min, int max, int count, Random random, string side)
    {
        if (count == 0)
        {
            return [];
        }
        if (min < 1 || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"The {side} window [{min}, {max}] must satisfy 1 ≤ min ≤ max.");
        }
        var candidates = Enumerable.Range(min, max - min + 1).ToArray();
        if (candidates.Length < count)
        {
            throw new ArgumentOutOfRangeException(nameof(count),
                $"{count} distinct neighbours {side} the target cannot be drawn from the window [{min}, {max}] ({candidates.Length} distances).");
        }
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, candidates.Length);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }
        return candidates[..count];
    }
}
