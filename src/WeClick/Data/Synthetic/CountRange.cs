namespace WeClick.Data.Synthetic;

/// <summary>An inclusive range of counts, e.g. "2 to 4 cars per snippet"; drawn uniformly.</summary>
/// <param name="Min">Smallest count (≥ 0).</param>
/// <param name="Max">Largest count (≥ <paramref name="Min"/>).</param>
public readonly record struct CountRange(int Min, int Max)
{
    /// <summary>Draws a count uniformly from [<see cref="Min"/>, <see cref="Max"/>].</summary>
    public int Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(Min, Max + 1);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Min}..{Max}";
}
