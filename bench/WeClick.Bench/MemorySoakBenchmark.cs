using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Engine;
using WeClick.Experiments;
using WeClick.Models;
using WeClick.Training;
using static TorchSharp.torch;

namespace WeClick.Benchmarks;

/// <summary>
/// A memory soak (issue #12): thousands of real student training steps, reading the process's resident set as it goes, to
/// show that it stays flat — the target is at most 5 % growth from the warm-up (step 100) to step 2,000.
/// </summary>
/// <remarks>
/// <para><b>Step</b>: the quick preset's student (<see cref="ExperimentPresets.Quick"/>: DeepLabV3+ MobileNetV2 ×0.5) and its
/// frozen teacher (DeepLabV3+ ResNet-18, random weights: memory does not depend on what the teacher has learnt), the full
/// weakly+KD+MFD loss of Eq. 5 through the library's own <see cref="StudentStep"/>, and the body of
/// <see cref="TrainingLoop"/>'s step: poly learning rate, one dispose scope, zero_grad, backward, SGD step (the preset's lr,
/// momentum 0.9, weight decay 1e-4).</para>
/// <para><b>Inputs</b>: one batch of <c>Batch</c> synthetic clips (<see cref="SyntheticVideo"/>, rendered in memory) with the
/// generator's exact flows and 20 random clicks per image, collated once by <see cref="ClipBatch.Collate"/> and reused by
/// every step, so that the data pipeline's buffers do not enter the figure.</para>
/// <para><b>Memory</b>: VmRSS from /proc/self/status after every <c>SampleEvery</c> steps, with TorchSharp's count of live
/// tensors on the training thread. Nothing is trimmed and no garbage collection is forced: the figure is what a training
/// run would see. The peak is VmHWM, reset (/proc/self/clear_refs) at the warm-up. Run with <c>MALLOC_ARENA_MAX=1</c> for a
/// figure that glibc's per-thread arenas do not blur.</para>
/// </remarks>
public static class MemorySoakBenchmark
{
    private const int Classes = 11; // the synthetic clip's CamVid-style classes

    /// <summary>Trains for <c>Steps</c> steps; <paramref name="progress"/> hears a line about every tenth of the run.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="InvalidOperationException">A loss turned NaN or infinite (named with the step).</exception>
    public static MemorySoakResult Run(MemorySoakOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var threads = TorchEngine.Configure(options.Threads);
        var preset = ExperimentPresets.Quick;
        var schedule = preset.StudentSchedule;
        manual_seed(options.Seed);
        using var student = ExperimentModels.CreateModel(preset.Student with { BackboneWeights = null }, Classes);
        using var teacher = ExperimentModels.CreateModel(preset.Teacher with { BackboneWeights = null }, Classes);
        student.train();
        var step = new StudentStep(preset.Loss.ToLossSettings(), preset.Loss.GatedCrf, teacher);
        using var optimizer = optim.SGD(student.parameters().Where(p => p.requires_grad).ToArray(), schedule.LearningRate,
            momentum: schedule.Momentum, weight_decay: schedule.WeightDecay);
        using var batch = SyntheticBatch(options);
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{preset.Student.Name} (x{preset.Student.WidthMultiplier}) with frozen {preset.Teacher.Name}, weakly+KD+MFD, {options.Batch} clips of {options.Frames} frames at {options.Width}x{options.Height}, {threads} threads"));

        var samples = new List<MemorySample>();
        long warmupRss = 0, warmupHwm = 0;
        double firstLoss = double.NaN, lastLoss = double.NaN, warmupSeconds = 0;
        var reportEvery = Math.Max(1, options.Steps / 10);
        var clock = Stopwatch.StartNew();
        for (var s = 1; s <= options.Steps; s++)
        {
            PolySchedule.Apply(optimizer, PolySchedule.LearningRate(s - 1, schedule.LearningRate, options.Steps, schedule.PolyPower));
            using (NewDisposeScope())
            {
                var terms = step.Run(student, batch);
                lastLoss = terms.Total.ToDouble();
                if (!double.IsFinite(lastLoss))
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"Memory soak: the loss became {lastLoss} at step {s} ({string.Join(", ", terms.Parts.Select(p => $"{p.Key} = {p.Value}"))})."));
                }
                optimizer.zero_grad();
                terms.Total.backward();
                optimizer.step();
            }
            if (s == 1)
            {
                firstLoss = lastLoss;
            }
            if (s == options.Warmup)
            {
                warmupRss = ProcessMemory.ResetPeak(); // also resets VmHWM, so the peak below is the peak after the warm-up
                warmupHwm = ProcessMemory.PeakBytes();
                warmupSeconds = clock.Elapsed.TotalSeconds;
                samples.Add(new MemorySample(s, warmupRss, LiveTensors(), warmupSeconds));
            }
            else if (s % options.SampleEvery == 0 || s == options.Steps)
            {
                samples.Add(new MemorySample(s, ProcessMemory.ResidentBytes(), LiveTensors(), clock.Elapsed.TotalSeconds));
            }
            if ((s % reportEvery == 0 || s == options.Warmup) && samples.Count > 0)
            {
                progress?.Invoke(Progress(s, options, samples[^1], clock.Elapsed.TotalSeconds, warmupRss));
            }
        }
        var final = samples[^1].ResidentBytes;
        var afterWarmup = samples.Where(m => m.Step >= options.Warmup).Max(m => m.ResidentBytes);
        // VmHWM only counts when clear_refs worked (it then read the RSS of the reset, not an earlier, higher peak).
        var hwm = ProcessMemory.PeakBytes();
        var peak = warmupHwm > 0 && warmupHwm <= warmupRss + 4096 ? Math.Max(hwm, afterWarmup) : afterWarmup;
        var growth = warmupRss > 0 ? 100.0 * (final - warmupRss) / warmupRss : double.NaN;
        return new MemorySoakResult(options with { Threads = threads }, preset.Student.Name, preset.Teacher.Name, samples, warmupRss, final, peak,
            growth, growth <= options.MaxGrowthPercent, (clock.Elapsed.TotalSeconds - warmupSeconds) / (options.Steps - options.Warmup), firstLoss, lastLoss);
    }

    private static long LiveTensors() => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

    private static string Progress(int step, MemorySoakOptions options, MemorySample last, double seconds, long warmupRss)
    {
        const double MiB = 1024 * 1024;
        var eta = TimeSpan.FromSeconds(seconds / step * (options.Steps - step));
        var growth = warmupRss > 0 && step >= options.Warmup
            ? string.Create(CultureInfo.InvariantCulture, $" ({100.0 * (last.ResidentBytes - warmupRss) / warmupRss:+0.00;-0.00} % from warm-up)")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"step {step}/{options.Steps}: RSS {last.ResidentBytes / MiB:F1} MiB{growth} at step {last.Step}, {last.LiveTensors} live tensors, {seconds / step * 1e3:F0} ms/step, ETA {eta:hh\\:mm\\:ss}");
    }

    // Batch synthetic clips, target last and its n − 1 neighbours before it, with the generator's exact flows (target grid,
    // backward-warping: ClipFrame's contract) and ClicksPerImage clicks labelled with the ground truth, collated as the loader does.
    private static ClipBatch SyntheticBatch(MemorySoakOptions o)
    {
        int n = o.Frames, target = n - 1;
        var video = new SyntheticVideo(new SyntheticVideoSettings
        {
            Width = o.Width, Height = o.Height, SnippetLength = n, LabelledIndex = target, TrainSnippets = o.Batch, ValSnippets = 0, Seed = o.Seed,
        });
        var snippets = Enumerable.Range(0, o.Batch).Select(b => video.Generate("train", b)).ToArray();
        var random = new Random(o.Seed);
        try
        {
            var clips = snippets.Select((s, b) =>
            {
                var label = s.Label.contiguous().data<byte>().ToArray(); // [H, W] class ids
                var clicks = Enumerable.Range(0, MemorySoakOptions.ClicksPerImage).Select(_ =>
                {
                    var p = random.Next(o.Height * o.Width);
                    return new PointLabel(p % o.Width, p / o.Width, label[p]);
                }).ToArray();
                var neighbours = Enumerable.Range(0, target).Select(j => new ClipFrame(j, s.Frames[j]) { Flow = s.Flows[j], FlowValid = s.FlowValid[j] }).ToArray();
                return new Clip($"synthetic_{b}", target, s.Frames[target], s.Label, ones([o.Height, o.Width], ScalarType.Byte), neighbours) { Clicks = clicks };
            }).ToArray();
            var batch = ClipBatch.Collate(clips, ImageNormalization.ImageNet);
            foreach (var clip in clips)
            {
                clip.Valid.Dispose(); // the rest belongs to the snippets
            }
            return batch;
        }
        finally
        {
            foreach (var s in snippets)
            {
                s.Dispose();
            }
        }
    }
}
