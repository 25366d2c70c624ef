using System.Diagnostics;
using System.Globalization;
using WeClick.Engine;
using WeClick.Models;
using static TorchSharp.torch;

namespace WeClick.Benchmarks;

/// <summary>Settings of <see cref="ModelLatencyBenchmark"/>.</summary>
/// <param name="Models">Catalogue names (default: every model of the catalogue, <see cref="ModelCatalog.Names"/>).</param>
/// <param name="Sizes">Input sizes (height, width); default 512×1024 and 360×480.</param>
/// <param name="Repetitions">Timed forwards per side (C#, C# folded, PyTorch), model and size (after one warm-up); the sides alternate.</param>
/// <param name="Threads">libtorch threads on both sides; 0 = all cores (<see cref="TorchEngine.Configure"/>).</param>
public sealed record ModelLatencyOptions(IReadOnlyList<string>? Models = null, IReadOnlyList<(int Height, int Width)>? Sizes = null, int Repetitions = 3, int Threads = 0)
{
    /// <summary>The models to time.</summary>
    public IReadOnlyList<string> EffectiveModels => Models ?? ModelCatalog.Names.ToArray();

    /// <summary>The sizes to time.</summary>
    public IReadOnlyList<(int Height, int Width)> EffectiveSizes => Sizes ?? [(512, 1024), (360, 480)];
}

/// <summary>One model at one size on both sides.</summary>
/// <param name="Model">Catalogue name.</param>
/// <param name="Height">Input height.</param>
/// <param name="Width">Input width.</param>
/// <param name="CSharpSeconds">Median forward time through WeClick (TorchSharp).</param>
/// <param name="PyTorchSeconds">Median forward time of the PyTorch twin with the same weights (eager, BatchNorm not folded).</param>
/// <param name="CSharpFoldedSeconds">Median forward time through WeClick with the same weights and every BatchNorm folded into its conv (<see cref="BatchNormFolding"/>).</param>
/// <param name="CSharpTunedSeconds">Median forward time through WeClick prepared as <c>weclick infer</c> runs it: folded, channels-last where it helps (<see cref="InferencePreparation"/>), inside <see cref="WeClick.Engine.InferenceMemory.Enter"/>.</param>
/// <param name="Tuning">What <see cref="InferencePreparation.Prepare"/> did to the tuned model, and the malloc thresholds it ran under.</param>
public sealed record LatencyRow(string Model, int Height, int Width, double CSharpSeconds, double PyTorchSeconds, double CSharpFoldedSeconds, double CSharpTunedSeconds, string Tuning)
{
    /// <summary>C# over PyTorch time.</summary>
    public double Ratio => CSharpSeconds / PyTorchSeconds;

    /// <summary>Folded C# over PyTorch time.</summary>
    public double FoldedRatio => CSharpFoldedSeconds / PyTorchSeconds;

    /// <summary>Tuned C# over PyTorch time: below 1 / 1.3 ≈ 0.77 meets issue #12's student-inference target.</summary>
    public double TunedRatio => CSharpTunedSeconds / PyTorchSeconds;
}

/// <summary>
/// Inference latency of catalogue models (single frame, eval mode, batch 1, under <c>torch.inference_mode()</c> on both
/// sides, as a deployed student runs) in C# beside the PyTorch twin (src/WeClick/Models/python/weclick_models.py) loaded
/// with the same weights, in one run (issues #4, #12). A third side is the C# model with the same weights and its
/// BatchNorms folded into the convs, as <c>weclick infer</c> runs it; the PyTorch twin stays eager and unfolded (the baseline).
/// </summary>
public static class ModelLatencyBenchmark
{
    /// <summary>Runs the comparison; <paramref name="progress"/> hears one line per model and size.</summary>
    public static IReadOnlyList<LatencyRow> Run(ModelLatencyOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Repetitions < 1 || options.Threads < 0 || options.EffectiveSizes.Any(s => s.Height < 32 || s.Width < 32))
        {
            throw new ArgumentException($"Invalid latency benchmark settings: repetitions must be positive, threads at least 0 (0 = all cores), sizes at least 32 pixels.", nameof(options));
        }
        var script = Path.Combine(AppContext.BaseDirectory, "Benchmarks", "python", "models_bench.py");
        using var python = new PyTorchWorker(script);
        var threads = TorchEngine.Configure(options.Threads);
        python.Ask(string.Create(CultureInfo.InvariantCulture, $"threads {threads}"));
        var folder = Directory.CreateTempSubdirectory("weclick-bench-models-").FullName;
        var rows = new List<LatencyRow>();
        try
        {
            foreach (var name in options.EffectiveModels)
            {
                manual_seed(0);
                using var model = ModelCatalog.Create(name, new ModelOptions(Classes: 19));
                model.eval();
                var checkpoint = Path.Combine(folder, name + ".safetensors");
                model.SaveWeights(checkpoint);
                var parameters = python.Ask($"load {name} {checkpoint}").GetProperty("parameters").GetInt64();
                if (parameters != BenchStatistics.ParameterCount(model))
                {
                    throw new InvalidOperationException($"The PyTorch twin of {name} has {parameters} parameters, C# {BenchStatistics.ParameterCount(model)}.");
                }
                // The same weights in a second model, folded for inference (the unfolded one stays as it is).
                using var folded = ModelCatalog.Create(name, new ModelOptions(Classes: 19));
                folded.LoadWeights(checkpoint);
                folded.eval();
                folded.FoldBatchNorm();
                // And a third, readied as `weclick infer` readies it (folded, channels-last where it helps), timed with
                // InferenceMemory's thresholds, as `weclick infer` runs.
                using var tuned = ModelCatalog.Create(name, new ModelOptions(Classes: 19));
                tuned.LoadWeights(checkpoint);
                var tuning = InferencePreparation.Prepare(tuned);
                foreach (var (height, width) in options.EffectiveSizes)
                {
                    var cs = new List<double>();
                    var csFolded = new List<double>();
                    var csTuned = new List<double>();
                    var py = new List<double>();
                    for (var round = 0; round < options.Repetitions; round++)
                    {
                        cs.Add(Time(model, height, width));
                        csFolded.Add(Time(folded, height, width));
                        using (InferenceMemory.Enter())
                        {
                            csTuned.Add(Time(tuned, height, width));
                        }
                        py.AddRange(python.Times(string.Create(CultureInfo.InvariantCulture, $"time {height} {width}"), 1));
                    }
                    var row = new LatencyRow(name, height, width, BenchStatistics.Median(cs), BenchStatistics.Median(py), BenchStatistics.Median(csFolded),
                        BenchStatistics.Median(csTuned), tuning);
                    rows.Add(row);
                    progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"{name} {width}x{height}: C# {row.CSharpSeconds * 1e3:F0} ms, C# folded {row.CSharpFoldedSeconds * 1e3:F0} ms, C# tuned {row.CSharpTunedSeconds * 1e3:F0} ms, PyTorch {row.PyTorchSeconds * 1e3:F0} ms"));
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return rows;
    }

    // One untimed and one timed forward, as the Python side's "time H W 1".
    private static double Time(Segmentor model, int height, int width)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var x = randn(1, 3, height, width);
        model.call(x);
        scope.DisposeEverythingBut(x);
        var clock = Stopwatch.StartNew();
        model.call(x);
        return clock.Elapsed.TotalSeconds;
    }
}
