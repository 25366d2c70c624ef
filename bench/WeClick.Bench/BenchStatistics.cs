using static TorchSharp.torch;

namespace WeClick.Benchmarks;

/// <summary>The small sums every benchmark shares: medians of timings and parameter counts.</summary>
internal static class BenchStatistics
{
    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no timings to take the median of.", nameof(values));
        }
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Elements over all parameters, as PyTorch's <c>sum(p.numel() for p in m.parameters())</c>.</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());
}
