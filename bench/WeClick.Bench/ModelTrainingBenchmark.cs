using System.Diagnostics;
using System.Globalization;
using WeClick.Engine;
using WeClick.Models;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Benchmarks;

/// <summary>
/// One SGD training step of a catalogue model (default DeepLabV3+ ResNet-18 at 2×3×256×512: forward, cross-entropy,
/// backward, step) in C# beside its PyTorch twin (weclick_models.py) loaded with the same weights, rounds alternating,
/// medians (issue #12). The step is the supervised one, not WeClick's loss: it times the network, as
/// <see cref="LossBenchmark"/> times the losses.
/// </summary>
public static class ModelTrainingBenchmark
{
    /// <summary>The workload's name for <paramref name="options"/>.</summary>
    public static string Workload(ModelTrainingOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"SGD step of {options.Model}, {options.Batch}x3x{options.Height}x{options.Width} (forward, cross-entropy, backward, step)");

    /// <summary>Runs the comparison; <paramref name="progress"/> hears one line per round.</summary>
    /// <exception cref="ArgumentException">Unknown model or a setting out of range.</exception>
    /// <exception cref="InvalidOperationException">The PyTorch worker failed, or its twin has another parameter count.</exception>
    public static BenchmarkRow Run(ModelTrainingOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ModelCatalog.Names.Contains(options.Model))
        {
            throw new ArgumentException($"Unknown model '{options.Model}'. Known: {string.Join(", ", ModelCatalog.Names)}.", nameof(options));
        }
        if (options.Batch < 2 || options.Height < 32 || options.Width < 32 || options.Rounds < 1 || options.Repetitions < 1 || options.Threads < 0)
        {
            throw new ArgumentException($"Invalid training-step settings (batch at least 2, sizes at least 32, rounds and repetitions positive, threads at least 0): {options}.", nameof(options));
        }
        var script = Path.Combine(AppContext.BaseDirectory, "Benchmarks", "python", "models_bench.py");
        using var python = new PyTorchWorker(script);
        var threads = TorchEngine.Configure(options.Threads);
        python.Ask(string.Create(CultureInfo.InvariantCulture, $"threads {threads}"));
        var folder = Directory.CreateTempSubdirectory("weclick-bench-train-").FullName;
        try
        {
            manual_seed(0);
            using var model = ModelCatalog.Create(options.Model, new ModelOptions(Classes: 19));
            var checkpoint = Path.Combine(folder, options.Model + ".safetensors");
            model.SaveWeights(checkpoint);
            var parameters = python.Ask($"load {options.Model} {checkpoint}").GetProperty("parameters").GetInt64();
            if (parameters != BenchStatistics.ParameterCount(model))
            {
                throw new InvalidOperationException($"The PyTorch twin of {options.Model} has {parameters} parameters, C# {BenchStatistics.ParameterCount(model)}.");
            }
            var cs = new List<double>();
            var py = new List<double>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                cs.AddRange(Steps(model, options));
                py.AddRange(python.Times(string.Create(CultureInfo.InvariantCulture, $"step {options.Batch} {options.Height} {options.Width}"), options.Repetitions));
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{options.Model} training step, round {round}/{options.Rounds}: C# {BenchStatistics.Median(cs) * 1e3:F0} ms, PyTorch {BenchStatistics.Median(py) * 1e3:F0} ms"));
            }
            return new BenchmarkRow(Workload(options), BenchStatistics.Median(cs), BenchStatistics.Median(py), 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // One untimed warm-up step, then `Repetitions` timed ones, each in its own dispose scope (as the Python side's "step").
    private static List<double> Steps(Segmentor model, ModelTrainingOptions options)
    {
        manual_seed(0);
        model.train();
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9, weight_decay: 1e-4);
        using var x = randn(options.Batch, 3, options.Height, options.Width);
        using var target = randint(0, 19, [options.Batch, options.Height, options.Width]);
        var times = new List<double>();
        for (var i = 0; i <= options.Repetitions; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var loss = F.cross_entropy(model.call(x).Logits, target, ignore_index: 255, reduction: nn.Reduction.Mean);
            optimizer.zero_grad(); // libtorch 2: set_to_none, as the Python side asks explicitly
            loss.backward();
            optimizer.step();
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }
        model.eval();
        return times;
    }
}
