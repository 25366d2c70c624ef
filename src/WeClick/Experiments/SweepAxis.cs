namespace WeClick.Experiments;

/// <summary>
/// One axis of a <see cref="Sweep"/>: a name and the values it takes. A sweep trains every combination of its axes'
/// values (their Cartesian product), each for every seed.
/// </summary>
/// <param name="Name">The axis' name in tables and in the results store (<c>direction</c>, <c>n</c>, <c>scheme</c>).</param>
/// <param name="Values">Its values, in the order tables and charts show them.</param>
public sealed record SweepAxis(string Name, IReadOnlyList<SweepValue> Values)
{
    /// <summary>An axis over one config key: each value sets that key alone (<c>key=value</c>), labelled by the value.</summary>
    /// <param name="key">The config key in <c>--set</c> syntax (<c>loss.beta</c>).</param>
    /// <param name="values">The values, as <c>--set</c> would take them.</param>
    /// <param name="name">The axis' name; the key when omitted.</param>
    public static SweepAxis Over(string key, IReadOnlyList<string> values, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(values);
        return new SweepAxis(name ?? key, values.Select(v => new SweepValue(v, [$"{key}={v}"])).ToArray());
    }
}
