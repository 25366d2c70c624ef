using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using WeClick.Benchmarks;
using WeClick.Engine;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick bench</c>: speed measurements, each side by side with python3-torch (the suite alone: <see cref="BenchSuiteCommand"/>).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = BenchSuiteCommand.Create();
        bench.Subcommands.Add(CreateEngine());
        bench.Subcommands.Add(CreateData());
        bench.Subcommands.Add(CreateModels());
        bench.Subcommands.Add(CreateLosses());
        bench.Subcommands.Add(CreateMemory());
        return bench;
    }

    private static Command CreateMemory()
    {
        var defaults = new MemorySoakOptions();
        var steps = new Option<int>("--steps") { Description = "Training steps in all.", DefaultValueFactory = _ => defaults.Steps };
        var warmup = new Option<int>("--warmup") { Description = "The step whose resident set is the baseline of the growth.", DefaultValueFactory = _ => defaults.Warmup };
        var every = new Option<int>("--sample-every") { Description = "Read the resident set and live tensors every this many steps.", DefaultValueFactory = _ => defaults.SampleEvery };
        var threads = ThreadsOption();
        var bound = new Option<double>("--max-growth") { Description = "Pass when the resident set grows at most this many percent after the warm-up.", DefaultValueFactory = _ => defaults.MaxGrowthPercent };
        var json = new Option<bool>("--json") { Description = "Print the result, every sample included, as JSON." };
        var command = new Command("memory",
            "Memory soak: real weakly+KD+MFD training steps of the quick preset's student (batch 2 at 160x80, 11 classes), the process's resident set " +
            "sampled as it trains; passes when it grows at most 5 % from the warm-up to the end (issue #12). Exit code 1 when it fails.")
        {
            steps, warmup, every, threads, bound, json,
        };
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Steps = parse.GetValue(steps), Warmup = parse.GetValue(warmup), SampleEvery = parse.GetValue(every), Threads = parse.GetValue(threads),
                MaxGrowthPercent = parse.GetValue(bound),
            };
            var result = MemorySoakBenchmark.Run(options, line => Console.Error.WriteLine($"bench: {line}"));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                const double MiB = 1024 * 1024;
                var o = result.Options;
                var atWarmup = result.Samples.First(m => m.Step == o.Warmup);
                var atEnd = result.Samples[^1];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Student} (quick preset) + frozen {result.Teacher}, weakly+KD+MFD, {o.Batch}x{o.Frames} frames at {o.Width}x{o.Height}, threads {o.Threads}, {o.Steps} steps ({result.SecondsPerStep * 1e3:F0} ms/step after the warm-up)"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  RSS at step {o.Warmup} (warm-up): {result.WarmupResidentBytes / MiB,9:F1} MiB   live tensors {atWarmup.LiveTensors}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  RSS at step {o.Steps} (end):     {result.FinalResidentBytes / MiB,9:F1} MiB   live tensors {atEnd.LiveTensors}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  peak RSS after the warm-up:   {result.PeakResidentBytes / MiB,9:F1} MiB"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  growth: {result.GrowthPercent:+0.00;-0.00} % (bound {o.MaxGrowthPercent:F1} %): {(result.Passed ? "PASS" : "FAIL")}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loss {result.FirstLoss:F4} at step 1, {result.LastLoss:F4} at step {o.Steps}"));
            }
            return result.Passed ? 0 : 1;
        });
        return command;
    }

    private static Command CreateLosses()
    {
        var defaults = new LossBenchmarkOptions();
        var student = new Option<string>("--student") { Description = "Student catalogue name.", DefaultValueFactory = _ => defaults.Student };
        var teacher = new Option<string>("--teacher") { Description = "Frozen teacher catalogue name (default resnet18: CPU-sized, not the paper's resnet101).", DefaultValueFactory = _ => defaults.Teacher };
        var batch = new Option<int>("--batch") { Description = "Clips per step (at least 2: BatchNorm in training mode).", DefaultValueFactory = _ => defaults.Batch };
        var height = new Option<int>("--height") { Description = "Frame height (multiple of 16).", DefaultValueFactory = _ => defaults.Height };
        var width = new Option<int>("--width") { Description = "Frame width (multiple of 16).", DefaultValueFactory = _ => defaults.Width };
        var classes = new Option<int>("--classes") { Description = "Classes (11: the synthetic clip's CamVid-style classes).", DefaultValueFactory = _ => defaults.Classes };
        var frames = new Option<int>("--frames") { Description = "Frames per clip n (target + n-1 neighbours for MFD).", DefaultValueFactory = _ => defaults.Frames };
        var reps = new Option<int>("--repetitions") { Description = "Timed calls per side and configuration, after one warm-up and one untimed memory call (the sides alternate).", DefaultValueFactory = _ => defaults.Repetitions };
        var threads = ThreadsOption();
        var seed = new Option<int>("--seed") { Description = "Seed of weights, clips and clicks.", DefaultValueFactory = _ => defaults.Seed };
        var noPython = new Option<bool>("--no-pytorch") { Description = "C# only (no python3-torch twin)." };
        var command = new Command("losses",
            "Time and peak memory per training step (weakly, weakly+KD, weakly+KD+MFD; flows precomputed) and the Gated CRF against pCE alone, C# beside PyTorch.")
        {
            student, teacher, batch, height, width, classes, frames, reps, threads, seed, noPython,
        };
        command.SetAction(parse =>
        {
            var options = new LossBenchmarkOptions(parse.GetValue(student)!, parse.GetValue(teacher)!, parse.GetValue(batch), parse.GetValue(height),
                parse.GetValue(width), parse.GetValue(classes), parse.GetValue(frames), parse.GetValue(reps), parse.GetValue(threads), parse.GetValue(seed),
                !parse.GetValue(noPython));
            var result = LossBenchmark.Run(options, line => Console.Error.WriteLine($"bench: {line}"));
            static string Num(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "-";
            var table = new Table().Border(TableBorder.Rounded).AddColumn("configuration").AddColumn("C# (ms)").AddColumn("PyTorch (ms)")
                .AddColumn("C# / PyTorch").AddColumn("C# peak (MiB)").AddColumn("PyTorch peak (MiB)").AddColumn("C# loss").AddColumn("PyTorch loss");
            foreach (var row in result.Rows)
            {
                table.AddRow(Markup.Escape(row.Name), Num(row.CSharpSeconds * 1e3, "F1"), Num(row.PyTorchSeconds * 1e3, "F1"),
                    row.PyTorchSeconds is null ? "-" : Num(row.Ratio, "F3"), Num(row.CSharpPeakMiB, "F1"), Num(row.PyTorchPeakMiB, "F1"),
                    Num(row.CSharpLoss, "F4"), Num(row.PyTorchLoss, "F4"));
            }
            AnsiConsole.Write(table);
            var o = result.Options;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"student {o.Student}, teacher {o.Teacher} (frozen, no grad); {o.Batch}x3x{o.Height}x{o.Width}, {o.Classes} classes, n = {o.Frames}; " +
                $"threads {o.Threads}; medians of {o.Repetitions}; flows precomputed (DIS medium: {result.FlowSecondsPerPair * 1e3:F1} ms per pair)"));
            if (result.Python is { } python)
            {
                Console.WriteLine($"PyTorch: {python}");
            }
            return 0;
        });
        return command;
    }

    private static Command CreateModels()
    {
        var models = new Option<string?>("--models") { Description = "Comma-separated catalogue names (default: every model of the catalogue)." };
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated HEIGHTxWIDTH input sizes.", DefaultValueFactory = _ => "512x1024,360x480" };
        var reps = new Option<int>("--reps") { Description = "Timed forwards per side (C#, C# folded, C# tuned, PyTorch), model and size (the sides alternate).", DefaultValueFactory = _ => 3 };
        var threads = ThreadsOption();
        var command = new Command("models", "Inference latency (one frame, eval, inference mode) of catalogue models in C#: unfolded, with BatchNorm folded, and tuned as weclick infer runs them (folded, channels-last where it helps, inference malloc thresholds), beside their PyTorch twins with the same weights.")
        {
            models, sizes, reps, threads,
        };
        command.SetAction(parse =>
        {
            var names = ParseModels(parse.GetValue(models));
            var parsedSizes = ParseSizes(parse.GetValue(sizes)!);
            var threadCount = TorchEngine.Configure(parse.GetValue(threads));
            var rows = ModelLatencyBenchmark.Run(new ModelLatencyOptions(names, parsedSizes, parse.GetValue(reps), threadCount),
                line => Console.Error.WriteLine($"bench: {line}"));
            var table = new Table().Border(TableBorder.Rounded).AddColumn("model").AddColumn("input").AddColumn("C# (ms)").AddColumn("C# folded (ms)").AddColumn("C# tuned (ms)")
                .AddColumn("PyTorch (ms)").AddColumn("C# / PyTorch").AddColumn("folded / PyTorch").AddColumn("tuned / PyTorch").AddColumn("tuned frames/s");
            foreach (var row in rows)
            {
                table.AddRow(row.Model, $"{row.Width}x{row.Height}",
                    (row.CSharpSeconds * 1e3).ToString("F0", CultureInfo.InvariantCulture), (row.CSharpFoldedSeconds * 1e3).ToString("F0", CultureInfo.InvariantCulture),
                    (row.CSharpTunedSeconds * 1e3).ToString("F0", CultureInfo.InvariantCulture),
                    (row.PyTorchSeconds * 1e3).ToString("F0", CultureInfo.InvariantCulture),
                    row.Ratio.ToString("F3", CultureInfo.InvariantCulture), row.FoldedRatio.ToString("F3", CultureInfo.InvariantCulture),
                    row.TunedRatio.ToString("F3", CultureInfo.InvariantCulture),
                    (1 / row.CSharpTunedSeconds).ToString("F2", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            Console.WriteLine($"batch 1, eval mode, inference mode; libtorch threads {threadCount} on both sides; medians of {parse.GetValue(reps)}; C# folded: BatchNorm folded into the convs; C# tuned: as `weclick infer` runs (InferencePreparation: folded, channels-last where it helps; InferenceMemory's malloc thresholds); PyTorch eager, unfolded; {PyTorchWorker.OneDnnSides}");
            foreach (var (model, tuning) in rows.Select(r => (r.Model, r.Tuning)).Distinct())
            {
                Console.WriteLine($"{model} tuned: {tuning}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>The libtorch threads option every bench command shares: 0 (the default) = all cores.</summary>
    internal static Option<int> ThreadsOption() =>
        new("--threads") { Description = "libtorch threads on both sides (0 = all cores).", DefaultValueFactory = _ => 0 };

    /// <summary>Comma-separated catalogue names, each checked; null for none given.</summary>
    internal static string[]? ParseModels(string? text)
    {
        var names = text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names ?? [])
        {
            if (!WeClick.Models.ModelCatalog.Names.Contains(name))
            {
                throw new ArgumentException($"--models: unknown model '{name}'. Known: {string.Join(", ", WeClick.Models.ModelCatalog.Names)}.");
            }
        }
        return names;
    }

    /// <summary>Comma-separated HEIGHTxWIDTH sizes.</summary>
    internal static (int Height, int Width)[] ParseSizes(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseSize).ToArray();

    private static (int Height, int Width) ParseSize(string text)
    {
        var parts = text.Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var h) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var w))
        {
            throw new ArgumentException($"--sizes: '{text}' is not HEIGHTxWIDTH (e.g. 512x1024).");
        }
        return (h, w);
    }

    private static Command CreateData()
    {
        var snippets = new Option<int>("--clips") { Description = "Clips in the temporary fixture.", DefaultValueFactory = _ => 16 };
        var frames = new Option<int>("--frames") { Description = "Frames per clip.", DefaultValueFactory = _ => 3 };
        var height = new Option<int>("--height") { Description = "Frame height.", DefaultValueFactory = _ => 512 };
        var width = new Option<int>("--width") { Description = "Frame width.", DefaultValueFactory = _ => 1024 };
        var workers = new Option<int>("--workers") { Description = "Background workers for the prefetch measurement.", DefaultValueFactory = _ => 2 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the fixture per measurement.", DefaultValueFactory = _ => 4 };
        var command = new Command("data", "Clip loading throughput (clips/s) from PNG in the Cityscapes layout, single-threaded and with background prefetch.")
        {
            snippets, frames, height, width, workers, epochs,
        };
        command.SetAction(parse =>
        {
            var options = new DataLoadingBenchmarkOptions(parse.GetValue(snippets), parse.GetValue(height), parse.GetValue(width),
                parse.GetValue(frames), parse.GetValue(epochs), parse.GetValue(workers));
            var result = DataLoadingBenchmark.Run(options, line => Console.Error.WriteLine($"bench: {line}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Options.FramesPerClip}-frame clips at {result.Options.Width}x{result.Options.Height} from PNG ({result.PngBytesPerClip / 1024} KiB per clip), torch threads {TorchSharp.torch.get_num_threads()}:"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  single thread:              {result.SingleClipsPerSecond:F1} clips/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  prefetch, {result.Options.Workers} workers:        {result.PrefetchClipsPerSecond:F1} clips/s"));
            return 0;
        });
        return command;
    }

    private static Command CreateEngine()
    {
        var rounds = new Option<int>("--rounds") { Description = "Rounds per side; the sides alternate every round.", DefaultValueFactory = _ => 7 };
        var threads = ThreadsOption();
        var calls = new Option<int>("--overhead-calls") { Description = "Tiny-op calls per round.", DefaultValueFactory = _ => 100_000 };
        var convReps = new Option<int>("--conv-reps") { Description = "conv2d forward+backward calls per round.", DefaultValueFactory = _ => 3 };
        var stepReps = new Option<int>("--step-reps") { Description = "Training steps per round.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("engine",
            "The engine (TorchSharp) against python3-torch: per-call overhead of a tiny op, conv2d forward+backward, and one SGD step of a small ResNet-style net at 2x3x256x512.")
        {
            rounds, threads, calls, convReps, stepReps, json,
        };
        command.SetAction(parse =>
        {
            var options = new EngineBenchmarkOptions(parse.GetValue(rounds), parse.GetValue(threads), parse.GetValue(calls),
                parse.GetValue(convReps), parse.GetValue(stepReps));
            var result = EngineBenchmark.Run(options, line => Console.Error.WriteLine($"bench: {line}"));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    result.Options,
                    result.Threads,
                    Rows = result.Rows.Select(r => new { r.Workload, r.CSharpSeconds, r.PyTorchSeconds, r.Ratio, r.Gflops }),
                    BenchNetParameters = new { result.BenchNetParameters.CSharp, result.BenchNetParameters.PyTorch },
                    result.Python,
                }, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Print(result);
            }
            return 0;
        });
        return command;
    }

    /// <summary>A time as µs below a millisecond, else ms.</summary>
    internal static string Time(double seconds) => seconds < 1e-3
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:F2} µs")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:F1} ms");

    private static void Print(EngineBenchmarkResult result)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("workload").AddColumn("C# (median)").AddColumn("PyTorch (median)").AddColumn("C# / PyTorch");
        foreach (var row in result.Rows)
        {
            var cs = Time(row.CSharpSeconds);
            var py = Time(row.PyTorchSeconds);
            if (row.Gflops > 0)
            {
                cs += string.Create(CultureInfo.InvariantCulture, $" ({row.Gflops / row.CSharpSeconds:F0} GFLOP/s)");
                py += string.Create(CultureInfo.InvariantCulture, $" ({row.Gflops / row.PyTorchSeconds:F0} GFLOP/s)");
            }
            table.AddRow(Markup.Escape(row.Workload), cs, py, row.Ratio.ToString("F3", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"threads {result.Threads}, {result.Options.Rounds} rounds; BenchNet parameters C# {result.BenchNetParameters.CSharp:N0} / PyTorch {result.BenchNetParameters.PyTorch:N0}; python {result.Python}"));
    }
}
