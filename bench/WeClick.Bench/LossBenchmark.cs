using System.Globalization;
using WeClick.Engine;
using WeClick.Serialization;

namespace WeClick.Benchmarks;

/// <summary>
/// Time per training step of WeClick's loss configurations, with the flow cache warm, in C# beside a PyTorch twin
/// (Benchmarks/python/losses_bench.py) given the same weights and inputs, in one run (issue #5).
/// </summary>
/// <remarks>
/// <para><b>Inputs</b>: <c>Batch</c> synthetic clips of n frames (WeClick.Data.Synthetic, rendered in memory), ImageNet-normalised;
/// the target frame k is the last, its neighbours the n − 1 before it. Clicks: random click maps, 20 uniformly drawn pixels per
/// image labelled with the synthetic ground truth there (not ClickGenerator). Flows target→neighbour are estimated once with DIS
/// (medium) before any timing and reused by every step ("flow cache warm"); the DIS time per pair is reported for context.</para>
/// <para><b>Rows</b> (<see cref="RowNames"/>): four full training steps (<see cref="LossConfiguration"/>: student forward on the
/// target, or on all n frames for MFD; frozen teacher forward under no-grad; WeClickLoss.Forward; backward; SGD step
/// (lr 0.01, momentum 0.9, weight decay 1e-4); zero_grad; one dispose scope), then the Gated CRF against pCE as the loss
/// alone, forward + backward from fixed leaf logits (the model's contribution removed).</para>
/// <para><b>Memory</b>: one separate, untimed call per side and row: glibc's malloc_trim(0) returns the free heap to the
/// system, VmHWM is reset through /proc/self/clear_refs, the call runs, and VmHWM minus the VmRSS at the reset is the call's
/// peak growth of the resident set (<see cref="ProcessMemory"/>); the Python worker measures itself the same way. Without the
/// trim the growth reads almost 0, as the allocator reuses heap kept from earlier calls. The trim makes that call slower
/// (fresh page faults), which is why it is not one of the timed calls. Times are medians of the timed calls.</para>
/// <para><b>Twin</b>: the same step op for op with torch.nn.functional, except the Gated CRF, which is the reference
/// algorithm (F.unfold over the (2r+1)² window, as Obukhov et al.'s code) that the C# offset loop replaces. Both sides start
/// from the same weights and take the same sequence of steps (DeepLabV3+ has no dropout), so the first row's losses agree;
/// later rows drift apart as float rounding is amplified by training-mode BatchNorm over a batch of 2.</para>
/// </remarks>
public static class LossBenchmark
{
    /// <summary>Row names in order: the four step configurations, then the two loss-alone rows.</summary>
    public static IReadOnlyList<string> RowNames { get; } =
        ["step: pCE only", "step: weakly (pCE + 0.1 GCRF)", "step: weakly+KD", "step: weakly+KD+MFD", "loss only: pCE", "loss only: pCE + 0.1 GCRF"];

    private static readonly string[] Commands = ["step pce", "step weakly", "step weakly_kd", "step weakly_kd_mfd", "loss pce", "loss weakly"];

    /// <summary>Runs every configuration; <paramref name="progress"/> hears one line per configuration.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="InvalidOperationException">The PyTorch worker failed (python3-torch missing, or a mismatch).</exception>
    public static LossBenchmarkResult Run(LossBenchmarkOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var threads = TorchEngine.Configure(options.Threads);
        using var fixture = new LossBenchmarkFixture(options);
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"inputs ready: {options.Batch} synthetic clips of {options.Frames} frames at {options.Width}x{options.Height}, DIS flow {fixture.FlowSecondsPerPair * 1e3:F0} ms per pair"));
        PyTorchWorker? python = null;
        var folder = Directory.CreateTempSubdirectory("weclick-bench-losses-").FullName;
        string? pythonVersion = null;
        try
        {
            if (options.PyTorch)
            {
                python = new PyTorchWorker(Path.Combine(AppContext.BaseDirectory, "Benchmarks", "python", "losses_bench.py"));
                pythonVersion = python.Ask(string.Create(CultureInfo.InvariantCulture, $"threads {threads}")).GetProperty("version").GetString();
                string student = Path.Combine(folder, "student.safetensors"), teacher = Path.Combine(folder, "teacher.safetensors"),
                    inputs = Path.Combine(folder, "inputs.safetensors");
                fixture.Student.SaveWeights(student);
                fixture.Teacher.SaveWeights(teacher);
                Safetensors.Save(fixture.Inputs(), inputs, null);
                var answer = python.Ask(string.Create(CultureInfo.InvariantCulture,
                    $"load {options.Student} {student} {options.Teacher} {teacher} {inputs} {options.Classes} {options.Seed}"));
                if (answer.GetProperty("student").GetInt64() != BenchStatistics.ParameterCount(fixture.Student))
                {
                    throw new InvalidOperationException($"The PyTorch twin of {options.Student} has {answer.GetProperty("student").GetInt64()} parameters, C# {BenchStatistics.ParameterCount(fixture.Student)}.");
                }
            }
            var rows = new List<LossBenchmarkRow>();
            foreach (var i in options.Rows ?? Enumerable.Range(0, RowNames.Count).ToArray())
            {
                var row = Measure(fixture, python, i, options.Repetitions);
                rows.Add(row);
                var pyText = row.PyTorchSeconds is { } py ? string.Create(CultureInfo.InvariantCulture, $", PyTorch {py * 1e3:F1} ms") : "";
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{row.Name}: C# {row.CSharpSeconds * 1e3:F1} ms{pyText}"));
            }
            return new LossBenchmarkResult(options with { Threads = threads }, rows, fixture.FlowSecondsPerPair, pythonVersion);
        }
        finally
        {
            python?.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Per side one untimed warm-up and one untimed memory call (heap trimmed first), then timed rounds alternating C# and Python.
    private static LossBenchmarkRow Measure(LossBenchmarkFixture fixture, PyTorchWorker? python, int index, int repetitions)
    {
        (double Seconds, long Peak, double Loss) CSharp(bool trim = false) => index switch
        {
            < 4 => fixture.Step((LossConfiguration)index, trim) is var s ? (s.Seconds, s.PeakBytes, s.Parts["total"]) : default,
            _ => fixture.LossAlone(withGatedCrf: index == 5, trim) is var l ? (l.Seconds, l.PeakBytes, l.Loss) : default,
        };
        (double Seconds, long Peak, double Loss) Python(bool trim = false)
        {
            var a = python!.Ask(Commands[index] + (trim ? " trim" : ""));
            return (a.GetProperty("seconds").GetDouble(), a.GetProperty("peak").GetInt64(), a.GetProperty("loss").GetDouble());
        }
        CSharp();
        var csMemory = CSharp(trim: true).Peak;
        long? pyMemory = null;
        if (python is not null)
        {
            Python();
            pyMemory = Python(trim: true).Peak;
        }
        var cs = new List<(double Seconds, long Peak, double Loss)>();
        var py = new List<(double Seconds, long Peak, double Loss)>();
        for (var round = 0; round < repetitions; round++)
        {
            cs.Add(CSharp());
            if (python is not null)
            {
                py.Add(Python());
            }
        }
        const double MiB = 1024 * 1024;
        return new LossBenchmarkRow(RowNames[index], BenchStatistics.Median(cs.Select(c => c.Seconds)), py.Count > 0 ? BenchStatistics.Median(py.Select(p => p.Seconds)) : null,
            csMemory / MiB, pyMemory / MiB,
            cs[0].Loss, py.Count > 0 ? py[0].Loss : null);
    }
}
