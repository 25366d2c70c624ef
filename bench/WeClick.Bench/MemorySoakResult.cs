namespace WeClick.Benchmarks;

/// <summary>What <see cref="MemorySoakBenchmark.Run"/> measured.</summary>
/// <param name="Options">The settings used (threads resolved).</param>
/// <param name="Student">The student's catalogue name (the quick preset's).</param>
/// <param name="Teacher">The frozen teacher's catalogue name (the quick preset's).</param>
/// <param name="Samples">The readings in step order: every <c>SampleEvery</c> steps, the warm-up step and the last step.</param>
/// <param name="WarmupResidentBytes">The resident set at <c>Options.Warmup</c> (the baseline).</param>
/// <param name="FinalResidentBytes">The resident set after the last step.</param>
/// <param name="PeakResidentBytes">The highest resident set after the warm-up: VmHWM, reset at the warm-up, so it includes the
/// peaks inside steps; the highest sample where VmHWM cannot be read.</param>
/// <param name="GrowthPercent">100 · (final − warm-up) / warm-up.</param>
/// <param name="Passed">Whether <see cref="GrowthPercent"/> ≤ <c>Options.MaxGrowthPercent</c>.</param>
/// <param name="SecondsPerStep">Mean wall time of a step after the warm-up (sampling included).</param>
/// <param name="FirstLoss">Eq. 5's total at step 1.</param>
/// <param name="LastLoss">Eq. 5's total at the last step (finite, or the run would have stopped).</param>
public sealed record MemorySoakResult(
    MemorySoakOptions Options,
    string Student,
    string Teacher,
    IReadOnlyList<MemorySample> Samples,
    long WarmupResidentBytes,
    long FinalResidentBytes,
    long PeakResidentBytes,
    double GrowthPercent,
    bool Passed,
    double SecondsPerStep,
    double FirstLoss,
    double LastLoss);
