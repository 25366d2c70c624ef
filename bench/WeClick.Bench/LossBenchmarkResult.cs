namespace WeClick.Benchmarks;

/// <summary>What <see cref="LossBenchmark.Run"/> measured.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="Rows">The configurations measured (<c>Options.Rows</c>, default all), in the order of <see cref="LossBenchmark.RowNames"/>.</param>
/// <param name="FlowSecondsPerPair">Median DIS (medium) estimate time of one frame pair, computed once before timing (context:
/// the steps use the warm flows and exclude it).</param>
/// <param name="Python">The PyTorch worker's interpreter and torch version, or null.</param>
public sealed record LossBenchmarkResult(LossBenchmarkOptions Options, IReadOnlyList<LossBenchmarkRow> Rows, double FlowSecondsPerPair, string? Python);
