using System.Diagnostics;
using System.Globalization;
using WeClick.Torch;
using WeClick.Torch.Optim;
using static WeClick.Torch.torch;
using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Benchmarks;

/// <summary>Settings of <see cref="BindingBenchmark"/>.</summary>
/// <param name="Rounds">How many times each workload runs on each side; the sides alternate every round.</param>
/// <param name="Threads">libtorch threads on both sides.</param>
/// <param name="OverheadCalls">Tiny-op calls per round.</param>
/// <param name="ConvRepetitions">conv2d forward+backward calls per round.</param>
/// <param name="StepRepetitions">Training steps per round.</param>
public sealed record BindingBenchmarkOptions(int Rounds = 7, int Threads = 2, int OverheadCalls = 100_000, int ConvRepetitions = 3, int StepRepetitions = 3);

/// <summary>One workload measured on both sides.</summary>
/// <param name="Workload">What was timed.</param>
/// <param name="CSharpSeconds">Median seconds per call through WeClick.Torch.</param>
/// <param name="PyTorchSeconds">Median seconds per call in python3-torch.</param>
/// <param name="Gflops">Floating-point work per call (GFLOP), or 0 when not meaningful.</param>
public sealed record BenchmarkRow(string Workload, double CSharpSeconds, double PyTorchSeconds, double Gflops)
{
    /// <summary>C# time over PyTorch time (below 1: the binding is faster).</summary>
    public double Ratio => CSharpSeconds / PyTorchSeconds;
}

/// <summary>The outcome of a run, with what it ran on.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="Rows">One row per workload.</param>
/// <param name="BenchNetParameters">Parameter count of BenchNet in C# and in PyTorch (must be equal).</param>
/// <param name="Python">The interpreter that ran the PyTorch side.</param>
public sealed record BindingBenchmarkResult(BindingBenchmarkOptions Options, IReadOnlyList<BenchmarkRow> Rows, (long CSharp, long PyTorch) BenchNetParameters, string Python);

/// <summary>
/// The binding's speed against python3-torch on the same libtorch, side by side in one run (issue #2):
/// per-call overhead of a tiny op, conv2d forward+backward, and one SGD training step of
/// <see cref="BenchNet"/> at 2×3×256×512. This machine is noisy, so the two sides alternate round by
/// round and every figure is a median.
/// </summary>
public static class BindingBenchmark
{
    /// <summary>conv2d workload: 3×3, 64→64 channels on 2×64×128×256, forward and backward.</summary>
    public const string ConvWorkload = "conv2d 3x3 64->64, 2x64x128x256, forward+backward";

    /// <summary>Training-step workload.</summary>
    public const string StepWorkload = "SGD step of BenchNet, 2x3x256x512 (forward, cross-entropy, backward, step)";

    /// <summary>Overhead workload.</summary>
    public const string OverheadWorkload = "tiny op: add of two 1-element tensors, per call";

    /// <summary>Runs every workload; <paramref name="progress"/> hears one line per finished round.</summary>
    public static BindingBenchmarkResult Run(BindingBenchmarkOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rounds < 1 || options.Threads < 1 || options.OverheadCalls < 10 || options.ConvRepetitions < 1 || options.StepRepetitions < 1)
        {
            throw new ArgumentException($"Every benchmark setting must be positive (and at least 10 overhead calls): {options}.", nameof(options));
        }
        var script = Path.Combine(AppContext.BaseDirectory, "Benchmarks", "python", "binding_bench.py");
        using var python = new PyTorchWorker(script);
        python.Ask(string.Create(CultureInfo.InvariantCulture, $"threads {options.Threads}"));
        set_num_threads(options.Threads);

        var overhead = (cs: new List<double>(), py: new List<double>());
        var conv = (cs: new List<double>(), py: new List<double>());
        var step = (cs: new List<double>(), py: new List<double>());
        long pythonParameters = 0;
        long csharpParameters = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            overhead.cs.AddRange(Overhead(options.OverheadCalls));
            overhead.py.AddRange(python.Times("overhead", options.OverheadCalls));
            conv.cs.AddRange(ConvForwardBackward(options.ConvRepetitions));
            conv.py.AddRange(python.Times("conv", options.ConvRepetitions));
            var (stepTimes, parameters) = TrainingStep(options.StepRepetitions);
            step.cs.AddRange(stepTimes);
            csharpParameters = parameters;
            var answer = python.Ask(string.Create(CultureInfo.InvariantCulture, $"step {options.StepRepetitions}"));
            step.py.AddRange(answer.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()));
            pythonParameters = answer.GetProperty("parameters").GetInt64();
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"round {round}/{options.Rounds}: step C# {Median(step.cs) * 1e3:F0} ms, PyTorch {Median(step.py) * 1e3:F0} ms"));
        }
        var convGflops = 3 * 2.0 * (2.0 * 64 * 128 * 256 * 64 * 9) / 1e9; // forward, input grad, weight grad: 2 FLOP per MAC each
        var rows = new List<BenchmarkRow>
        {
            new(OverheadWorkload, Median(overhead.cs), Median(overhead.py), 0),
            new(ConvWorkload, Median(conv.cs), Median(conv.py), convGflops),
            new(StepWorkload, Median(step.cs), Median(step.py), 0),
        };
        return new BindingBenchmarkResult(options, rows, (csharpParameters, pythonParameters), python.Python);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // Ten batches of calls; each entry is the mean time of one call in its batch (as the Python side).
    private static IEnumerable<double> Overhead(int calls)
    {
        using var a = ones(1);
        using var b = ones(1);
        var perBatch = calls / 10;
        var result = new List<double>();
        for (var batch = 0; batch < 10; batch++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++)
            {
                using var c = a.add(b);
            }
            result.Add(clock.Elapsed.TotalSeconds / perBatch);
        }
        return result;
    }

    private static IEnumerable<double> ConvForwardBackward(int repetitions)
    {
        manual_seed(0);
        using var x = randn([2, 64, 128, 256], requires_grad: true);
        using var w = randn([64, 64, 3, 3], requires_grad: true);
        var times = new List<double>();
        for (var i = 0; i <= repetitions; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            F.conv2d(x, w, padding: (1, 1)).sum().backward();
            x.grad = null;
            w.grad = null;
            if (i > 0) // the first call warms oneDNN up
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }
        return times;
    }

    private static (List<double> times, long parameters) TrainingStep(int repetitions)
    {
        manual_seed(0);
        using var net = new BenchNet();
        net.train();
        using var optimizer = new SGD(net.parameters(), lr: 0.01, momentum: 0.9, weight_decay: 1e-4);
        using var x = randn(2, 3, 256, 512);
        using var target = randint(0, 19, [2, 256, 512]);
        var times = new List<double>();
        for (var i = 0; i <= repetitions; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var loss = F.cross_entropy(net.call(x), target, ignore_index: 255);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }
        return (times, net.parameter_count());
    }
}
