using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using WeClick.Engine;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Benchmarks;

/// <summary>
/// The engine's speed (TorchSharp over libtorch 2.10) against python3-torch, side by side in one run (issues #2, #12):
/// per-call overhead of a tiny op, conv2d forward+backward, and one SGD training step of <see cref="BenchNet"/> at
/// 2×3×256×512. This machine is noisy, so the two sides alternate round by round and every figure is a median.
/// </summary>
public static class EngineBenchmark
{
    /// <summary>conv2d workload: 3×3, 64→64 channels on 2×64×128×256, forward and backward.</summary>
    public const string ConvWorkload = "conv2d 3x3 64->64, 2x64x128x256, forward+backward";

    /// <summary>Training-step workload.</summary>
    public const string StepWorkload = "SGD step of BenchNet, 2x3x256x512 (forward, cross-entropy, backward, step)";

    /// <summary>Overhead workload.</summary>
    public const string OverheadWorkload = "tiny op: add of two 1-element tensors, per call";

    /// <summary>Runs every workload; <paramref name="progress"/> hears one line per finished round.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="InvalidOperationException">The PyTorch worker failed (python3-torch missing).</exception>
    public static EngineBenchmarkResult Run(EngineBenchmarkOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rounds < 1 || options.Threads < 0 || options.OverheadCalls < 10 || options.ConvRepetitions < 1 || options.StepRepetitions < 1)
        {
            throw new ArgumentException($"Every benchmark setting must be positive (threads 0 = all cores, at least 10 overhead calls): {options}.", nameof(options));
        }
        var script = Path.Combine(AppContext.BaseDirectory, "Benchmarks", "python", "engine_bench.py");
        using var python = new PyTorchWorker(script);
        var threads = TorchEngine.Configure(options.Threads);
        python.Ask(string.Create(CultureInfo.InvariantCulture, $"threads {threads}"));

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
                $"round {round}/{options.Rounds}: step C# {BenchStatistics.Median(step.cs) * 1e3:F0} ms, PyTorch {BenchStatistics.Median(step.py) * 1e3:F0} ms"));
        }
        var convGflops = 3 * 2.0 * (2.0 * 64 * 128 * 256 * 64 * 9) / 1e9; // forward, input grad, weight grad: 2 FLOP per MAC each
        var rows = new List<BenchmarkRow>
        {
            new(OverheadWorkload, BenchStatistics.Median(overhead.cs), BenchStatistics.Median(overhead.py), 0),
            new(ConvWorkload, BenchStatistics.Median(conv.cs), BenchStatistics.Median(conv.py), convGflops),
            new(StepWorkload, BenchStatistics.Median(step.cs), BenchStatistics.Median(step.py), 0),
        };
        return new EngineBenchmarkResult(options, threads, rows, (csharpParameters, pythonParameters), python.Python);
    }

    // Ten batches of calls; each entry is the mean time of one call in its batch (as the Python side).
    private static List<double> Overhead(int calls)
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

    private static List<double> ConvForwardBackward(int repetitions)
    {
        manual_seed(0);
        using var x = randn([2, 64, 128, 256], requires_grad: true);
        using var w = randn([64, 64, 3, 3], requires_grad: true);
        var times = new List<double>();
        for (var i = 0; i <= repetitions; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            F.conv2d(x, w, padding: [1, 1]).sum().backward();
            x.grad = null;
            w.grad = null;
            if (i > 0) // the first call warms oneDNN up
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }
        return times;
    }

    private static (List<double> Times, long Parameters) TrainingStep(int repetitions)
    {
        manual_seed(0);
        using var net = new BenchNet();
        net.train();
        using var optimizer = optim.SGD(net.parameters(), learningRate: 0.01, momentum: 0.9, weight_decay: 1e-4);
        using var x = randn(2, 3, 256, 512);
        using var target = randint(0, 19, [2, 256, 512]);
        var times = new List<double>();
        for (var i = 0; i <= repetitions; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var loss = F.cross_entropy(net.call(x), target, ignore_index: 255, reduction: nn.Reduction.Mean);
            optimizer.zero_grad(); // libtorch 2: set_to_none, as the Python side asks explicitly
            loss.backward();
            optimizer.step();
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }
        return (times, BenchStatistics.ParameterCount(net));
    }
}
