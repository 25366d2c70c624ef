namespace WeClick.Benchmarks;

/// <summary>One reading of <see cref="MemorySoakBenchmark"/>, taken after a training step.</summary>
/// <param name="Step">Steps done when it was read (1-based).</param>
/// <param name="ResidentBytes">The process's resident set (VmRSS of /proc/self/status); 0 where there is no /proc.</param>
/// <param name="LiveTensors">TorchSharp tensors created and not yet disposed on the training thread
/// (<c>DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount</c>): flat when every step frees what it makes.</param>
/// <param name="Seconds">Wall time since the first step started.</param>
public sealed record MemorySample(int Step, long ResidentBytes, long LiveTensors, double Seconds);
