namespace WeClick.Benchmarks;

/// <summary>One workload measured on both sides.</summary>
/// <param name="Workload">What was timed.</param>
/// <param name="CSharpSeconds">Median seconds per call through TorchSharp.</param>
/// <param name="PyTorchSeconds">Median seconds per call in python3-torch.</param>
/// <param name="Gflops">Floating-point work per call (GFLOP), or 0 when not meaningful.</param>
public sealed record BenchmarkRow(string Workload, double CSharpSeconds, double PyTorchSeconds, double Gflops)
{
    /// <summary>C# time over PyTorch time (below 1: C# is faster).</summary>
    public double Ratio => CSharpSeconds / PyTorchSeconds;
}
