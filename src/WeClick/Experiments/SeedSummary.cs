using System.Globalization;

namespace WeClick.Experiments;

/// <summary>
/// A metric over several seeds: mean and sample standard deviation (n − 1 in the denominator; 0 for a single seed), shown
/// as <c>61.2 ± 0.4</c>.
/// </summary>
/// <param name="Mean">The mean.</param>
/// <param name="Std">The sample standard deviation.</param>
/// <param name="Count">How many values (seeds).</param>
public readonly record struct SeedSummary(double Mean, double Std, int Count)
{
    /// <summary>The summary of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static SeedSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A seed summary needs at least one value.", nameof(values));
        }
        var mean = list.Average();
        var std = list.Length == 1 ? 0.0 : Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Length - 1));
        return new SeedSummary(mean, std, list.Length);
    }

    /// <summary><c>mean ± std</c> with <paramref name="decimals"/> decimals after multiplying by <paramref name="scale"/>
    /// (100 shows fractions as percentages: 0.6123, 0.0041 → <c>61.2 ± 0.4</c>).</summary>
    public string Format(int decimals = 1, double scale = 1.0)
    {
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return $"{(Mean * scale).ToString(format, CultureInfo.InvariantCulture)} ± {(Std * scale).ToString(format, CultureInfo.InvariantCulture)}";
    }

    /// <summary>The summary as <see cref="Format"/> shows it with one decimal.</summary>
    public override string ToString() => Format();
}
