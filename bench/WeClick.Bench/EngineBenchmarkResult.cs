namespace WeClick.Benchmarks;

/// <summary>The outcome of an <see cref="EngineBenchmark"/> run, with what it ran on.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="Threads">The libtorch threads in effect on both sides (<c>Options.Threads</c> resolved).</param>
/// <param name="Rows">One row per workload.</param>
/// <param name="BenchNetParameters">Parameter count of BenchNet in C# and in PyTorch (must be equal).</param>
/// <param name="Python">The interpreter that ran the PyTorch side.</param>
public sealed record EngineBenchmarkResult(EngineBenchmarkOptions Options, int Threads, IReadOnlyList<BenchmarkRow> Rows, (long CSharp, long PyTorch) BenchNetParameters, string Python);
