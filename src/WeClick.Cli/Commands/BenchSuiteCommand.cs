using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WeClick.Benchmarks;
using WeClick.Engine;

namespace WeClick.Cli.Commands;

/// <summary>
/// <c>weclick bench</c> without a subcommand: the whole comparison with python3-torch in one run (issue #12) — the engine's
/// tiny op and conv2d forward+backward, the student's weakly+KD+MFD training step, a DeepLabV3+ ResNet-18 training step at
/// 2×3×256×512, and inference of every catalogue model at 512×1024 and 360×480 — each with the sides alternating, as
/// medians, C# over PyTorch in one table.
/// </summary>
internal static class BenchSuiteCommand
{
    /// <summary>The parts of the suite, in the order they run.</summary>
    public static readonly string[] Parts = ["engine", "student", "train", "models"];

    public static Command Create()
    {
        var rounds = new Option<int>("--rounds") { Description = "Rounds per side for every workload; the sides alternate every round.", DefaultValueFactory = _ => 3 };
        var threads = BenchCommand.ThreadsOption();
        var only = new Option<string?>("--only") { Description = $"Comma-separated parts to run ({string.Join(", ", Parts)}; default all)." };
        var models = new Option<string?>("--models") { Description = "Comma-separated catalogue names for inference (default: every model of the catalogue)." };
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated HEIGHTxWIDTH inference sizes.", DefaultValueFactory = _ => "512x1024,360x480" };
        var bench = new Command("bench",
            "Measure speed against python3-torch on the same machine, side by side in one run (sides alternating, medians, ratios): " +
            "tiny op, conv2d forward+backward, the student's weakly+KD+MFD step, a DeepLabV3+ R18 training step at 2x3x256x512, " +
            "inference of every catalogue model. Subcommands run one part with more settings.")
        {
            rounds, threads, only, models, sizes,
        };
        bench.SetAction(parse =>
        {
            var roundCount = parse.GetValue(rounds);
            if (roundCount < 1)
            {
                throw new ArgumentException($"--rounds must be at least 1; got {roundCount}.");
            }
            var parts = parse.GetValue(only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? Parts;
            foreach (var part in parts)
            {
                if (!Parts.Contains(part))
                {
                    throw new ArgumentException($"--only: unknown part '{part}'. Known: {string.Join(", ", Parts)}.");
                }
            }
            var names = BenchCommand.ParseModels(parse.GetValue(models));
            var inferenceSizes = BenchCommand.ParseSizes(parse.GetValue(sizes)!);
            var threadCount = TorchEngine.Configure(parse.GetValue(threads));
            void Progress(string line) => Console.Error.WriteLine($"bench: {line}");

            var rows = new List<(string Part, BenchmarkRow Row)>();
            string? python = null;
            if (parts.Contains("engine"))
            {
                var engine = EngineBenchmark.Run(new EngineBenchmarkOptions(Rounds: roundCount, Threads: threadCount), Progress);
                rows.AddRange(engine.Rows.Select(r => ("engine", r)));
            }
            if (parts.Contains("student"))
            {
                var options = new LossBenchmarkOptions(Repetitions: roundCount, Threads: threadCount, Rows: [(int)LossConfiguration.WeaklyKdMfd]);
                var losses = LossBenchmark.Run(options, Progress);
                foreach (var row in losses.Rows)
                {
                    var name = string.Create(CultureInfo.InvariantCulture,
                        $"student {options.Student} {row.Name} (teacher {options.Teacher}), {options.Batch}x3x{options.Height}x{options.Width}, n = {options.Frames}");
                    rows.Add(("student", new BenchmarkRow(name, row.CSharpSeconds, row.PyTorchSeconds ?? double.NaN, 0)));
                }
                python = losses.Python;
            }
            if (parts.Contains("train"))
            {
                rows.Add(("train", ModelTrainingBenchmark.Run(new ModelTrainingOptions(Rounds: roundCount, Threads: threadCount), Progress)));
            }
            if (parts.Contains("models"))
            {
                var latency = ModelLatencyBenchmark.Run(new ModelLatencyOptions(names, inferenceSizes, roundCount, threadCount), Progress);
                foreach (var r in latency)
                {
                    rows.Add(("models", new BenchmarkRow(
                        string.Create(CultureInfo.InvariantCulture, $"inference {r.Model}, 1x3x{r.Height}x{r.Width}"), r.CSharpSeconds, r.PyTorchSeconds, 0)));
                    // The same weights with BatchNorm folded on the C# side only; PyTorch stays the eager baseline.
                    rows.Add(("models", new BenchmarkRow(
                        string.Create(CultureInfo.InvariantCulture, $"inference {r.Model} (C# BN folded), 1x3x{r.Height}x{r.Width}"), r.CSharpFoldedSeconds, r.PyTorchSeconds, 0)));
                    // As `weclick infer` runs it: folded, channels-last where it helps, InferenceMemory's malloc thresholds.
                    rows.Add(("models", new BenchmarkRow(
                        string.Create(CultureInfo.InvariantCulture, $"inference {r.Model} (C# tuned: {r.Tuning}), 1x3x{r.Height}x{r.Width}"), r.CSharpTunedSeconds, r.PyTorchSeconds, 0)));
                }
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("part").AddColumn("workload").AddColumn("C# (median)").AddColumn("PyTorch (median)").AddColumn("C# / PyTorch");
            foreach (var (part, row) in rows)
            {
                table.AddRow(part, Markup.Escape(row.Workload), BenchCommand.Time(row.CSharpSeconds),
                    double.IsNaN(row.PyTorchSeconds) ? "-" : BenchCommand.Time(row.PyTorchSeconds),
                    double.IsNaN(row.PyTorchSeconds) ? "-" : row.Ratio.ToString("F3", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"libtorch threads {threadCount} on both sides; medians of {roundCount} rounds, sides alternating; inference in eval and inference mode, batch 1; PyTorch side {PyTorchWorker.DefaultPython}{(python is null ? "" : $" ({python})")}; {PyTorchWorker.OneDnnSides}"));
            return 0;
        });
        return bench;
    }
}
