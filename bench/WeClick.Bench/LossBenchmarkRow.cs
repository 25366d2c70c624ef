namespace WeClick.Benchmarks;

/// <summary>One configuration of <see cref="LossBenchmark"/> on both sides.</summary>
/// <param name="Name">What was timed (see <see cref="LossBenchmark"/>'s row names).</param>
/// <param name="CSharpSeconds">Median time through WeClick (TorchSharp).</param>
/// <param name="PyTorchSeconds">Median time of the PyTorch twin, or null when it did not run.</param>
/// <param name="CSharpPeakMiB">Peak resident-memory growth during one untimed call (see <see cref="LossBenchmark"/>), MiB.</param>
/// <param name="PyTorchPeakMiB">The same in the PyTorch worker, or null.</param>
/// <param name="CSharpLoss">Loss of the first timed call (a sanity value: the sides differ by dropout and by the steps taken).</param>
/// <param name="PyTorchLoss">The same on the PyTorch side, or null.</param>
public sealed record LossBenchmarkRow(string Name, double CSharpSeconds, double? PyTorchSeconds, double CSharpPeakMiB, double? PyTorchPeakMiB,
    double CSharpLoss, double? PyTorchLoss)
{
    /// <summary>C# over PyTorch time (NaN without the twin).</summary>
    public double Ratio => PyTorchSeconds is { } py ? CSharpSeconds / py : double.NaN;
}
