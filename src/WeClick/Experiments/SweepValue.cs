namespace WeClick.Experiments;

/// <summary>
/// One value of a <see cref="SweepAxis"/>: its label in tables and charts, and the config overrides that make it, in
/// <c>--set</c> syntax (<c>clip.direction=backward</c>). A value may set several keys at once: a Table 1 row sets β, γ
/// and the supervision together.
/// </summary>
/// <param name="Label">The value's name in tables (<c>backward</c>, <c>n = 3</c>, <c>weakly+KD</c>).</param>
/// <param name="Overrides">The <c>key=value</c> overrides applied to the sweep's base config, in order.</param>
public sealed record SweepValue(string Label, IReadOnlyList<string> Overrides);
