namespace WeClick.Benchmarks;

/// <summary>Settings of <see cref="EngineBenchmark"/>.</summary>
/// <param name="Rounds">How many times each workload runs on each side; the sides alternate every round.</param>
/// <param name="Threads">libtorch threads on both sides; 0 = all cores (<see cref="Engine.TorchEngine.Configure"/>).</param>
/// <param name="OverheadCalls">Tiny-op calls per round.</param>
/// <param name="ConvRepetitions">conv2d forward+backward calls per round.</param>
/// <param name="StepRepetitions">Training steps per round.</param>
public sealed record EngineBenchmarkOptions(int Rounds = 7, int Threads = 0, int OverheadCalls = 100_000, int ConvRepetitions = 3, int StepRepetitions = 3);
