using System.Diagnostics;
using System.Globalization;
using WeClick.Data.Synthetic;
using WeClick.Flow;
using WeClick.Losses;
using WeClick.Models;
using static TorchSharp.torch;

namespace WeClick.Benchmarks;

/// <summary>
/// The C# half of <see cref="LossBenchmark"/>: a student in training mode with its SGD optimiser, a frozen teacher, and one
/// batch of synthetic clips with random clicks and warm DIS flows, ready for timed training steps.
/// </summary>
internal sealed class LossBenchmarkFixture : IDisposable
{
    private readonly optim.Optimizer _optimizer;
    private readonly GatedCrfSettings _gatedCrf = new();
    private readonly Tensor[] _frames;    // ImageNet-normalised float32 [N, 3, H, W] per clip frame; the target last
    private readonly Tensor[] _flows;     // DIS flow target→neighbour j, float32 [N, 2, H, W] (backward-warping, IFlowEstimator)

    /// <summary>Builds the models (seeded), renders <c>Batch</c> synthetic clips of n frames, draws the clicks and estimates the flows.</summary>
    public LossBenchmarkFixture(LossBenchmarkOptions options)
    {
        Options = options.Validate();
        manual_seed(options.Seed);
        Student = ModelCatalog.Create(options.Student, new ModelOptions(Classes: options.Classes));
        Student.train();
        Teacher = ModelCatalog.Create(options.Teacher, new ModelOptions(Classes: options.Classes));
        ModelTraining.Freeze(Teacher);
        _optimizer = optim.SGD(Student.parameters(), learningRate: 0.01, momentum: 0.9, weight_decay: 1e-4);

        int n = options.Frames, target = n - 1;
        var video = new SyntheticVideo(new SyntheticVideoSettings
        {
            Width = options.Width, Height = options.Height, SnippetLength = n, LabelledIndex = target,
            TrainSnippets = options.Batch, ValSnippets = 0, Seed = options.Seed,
        });
        var snippets = Enumerable.Range(0, options.Batch).Select(b => video.Generate("train", b)).ToArray();
        try
        {
            using var scope = NewDisposeScope();
            var mean = tensor(new[] { 0.485f, 0.456f, 0.406f }).view(1, 3, 1, 1);
            var std = tensor(new[] { 0.229f, 0.224f, 0.225f }).view(1, 3, 1, 1);
            // uint8 [H, W, 3] → float [N, 3, H, W], (x/255 − mean)/std (ImageNormalization.ImageNet).
            _frames = Enumerable.Range(0, n).Select(t =>
                stack(snippets.Select(s => s.Frames[t].permute(2, 0, 1)).ToArray(), 0).to(ScalarType.Float32).div(255.0).sub(mean).div(std)
                    .DetachFromDisposeScope()).ToArray();
            Clicks = RandomClicks(snippets, options).DetachFromDisposeScope();
            var estimator = new DisFlowEstimator();
            var pairTimes = new List<double>();
            _flows = new Tensor[n - 1];
            for (var j = 0; j < n - 1; j++)
            {
                var perClip = new Tensor[options.Batch];
                for (var b = 0; b < options.Batch; b++)
                {
                    var clock = Stopwatch.StartNew();
                    perClip[b] = estimator.Estimate(snippets[b].Frames[target], snippets[b].Frames[j]);
                    pairTimes.Add(clock.Elapsed.TotalSeconds);
                }
                _flows[j] = stack(perClip, 0).DetachFromDisposeScope(); // [N, 2, H, W]
            }
            FlowSecondsPerPair = BenchStatistics.Median(pairTimes);
        }
        finally
        {
            foreach (var s in snippets)
            {
                s.Dispose();
            }
        }
    }

    public LossBenchmarkOptions Options { get; }

    public Segmentor Student { get; }

    public Segmentor Teacher { get; }

    /// <summary>int64 [N, H, W], 255 = no click.</summary>
    public Tensor Clicks { get; }

    public double FlowSecondsPerPair { get; }

    /// <summary>The inputs as the PyTorch twin reads them: frame{t} (target last), flow{j}, clicks.</summary>
    public Dictionary<string, Tensor> Inputs()
    {
        var inputs = new Dictionary<string, Tensor> { ["clicks"] = Clicks };
        for (var t = 0; t < _frames.Length; t++)
        {
            inputs[string.Create(CultureInfo.InvariantCulture, $"frame{t}")] = _frames[t];
        }
        for (var j = 0; j < _flows.Length; j++)
        {
            inputs[string.Create(CultureInfo.InvariantCulture, $"flow{j}")] = _flows[j];
        }
        return inputs;
    }

    /// <summary>
    /// One full training step: student forward (target; every frame for <see cref="LossConfiguration.WeaklyKdMfd"/>), frozen
    /// teacher forward under no-grad where KD/MFD need it, <see cref="WeClickLoss.Forward"/>, backward, SGD step, zero_grad,
    /// all inside one dispose scope.
    /// </summary>
    /// <param name="configuration">Which terms.</param>
    /// <param name="trim">Trim the heap before the call so that its peak memory is counted (<see cref="ProcessMemory"/>); the
    /// call is then slower (fresh page faults) and not for timing.</param>
    /// <returns>Wall time, peak resident growth in bytes, and the loss terms' parts with "total".</returns>
    public (double Seconds, long PeakBytes, IReadOnlyDictionary<string, double> Parts) Step(LossConfiguration configuration, bool trim = false)
    {
        var loss = new WeClickLoss(configuration switch
        {
            LossConfiguration.PceOnly or LossConfiguration.Weakly => new WeClickLossSettings(Beta: 0, Gamma: 0),
            LossConfiguration.WeaklyKd => new WeClickLossSettings(Beta: 0),
            _ => new WeClickLossSettings(),
        });
        var video = configuration == LossConfiguration.WeaklyKdMfd;
        var distil = configuration is LossConfiguration.WeaklyKd or LossConfiguration.WeaklyKdMfd;
        var before = ProcessMemory.ResetPeak(trim);
        var clock = Stopwatch.StartNew();
        Dictionary<string, double> parts;
        using (NewDisposeScope())
        {
            var target = _frames[^1];
            var student = Student.call(target);
            var neighbours = video ? _frames[..^1].Select(f => Student.call(f).Logits).ToArray() : [];
            Tensor? teacherTarget = null;
            Tensor[]? teacherNeighbours = null;
            if (distil)
            {
                using (no_grad())
                {
                    teacherTarget = Teacher.call(target).Logits;
                    teacherNeighbours = video ? _frames[..^1].Select(f => Teacher.call(f).Logits).ToArray() : null;
                }
            }
            Func<Tensor>? gatedCrf = configuration == LossConfiguration.PceOnly
                ? null
                : () => GatedCrfLoss.Compute(student.HeadLogits.softmax(1), target, null, _gatedCrf);
            var terms = loss.Forward(new WeClickLossInputs(student.Logits, Clicks, neighbours, video ? _flows : null, teacherTarget,
                teacherNeighbours, GatedCrf: gatedCrf));
            terms.Total.backward();
            _optimizer.step();
            _optimizer.zero_grad();
            parts = new Dictionary<string, double>(terms.Parts) { ["total"] = terms.Total.to(ScalarType.Float64).item<double>() };
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, ProcessMemory.PeakBytes() - before, parts);
    }

    /// <summary>
    /// The loss alone, forward and backward, from fixed leaf logits (no model): pCE, or pCE + 0.1·GatedCRF. This isolates the
    /// Gated CRF's own time and memory from the network's.
    /// </summary>
    public (double Seconds, long PeakBytes, double Loss) LossAlone(bool withGatedCrf, bool trim = false)
    {
        using var scope = NewDisposeScope();
        SegmentationOutput output;
        using (no_grad())
        {
            output = Student.call(_frames[^1]);
        }
        var logits = output.Logits.detach().requires_grad_();
        var head = output.HeadLogits.detach().requires_grad_();
        var before = ProcessMemory.ResetPeak(trim);
        var clock = Stopwatch.StartNew();
        double value;
        using (NewDisposeScope())
        {
            var total = new PartialCrossEntropyLoss().Forward(logits, Clicks);
            if (withGatedCrf)
            {
                total = total.add(GatedCrfLoss.Compute(head.softmax(1), _frames[^1], null, _gatedCrf).mul(0.1));
            }
            total.backward();
            value = total.to(ScalarType.Float64).item<double>();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, ProcessMemory.PeakBytes() - before, value);
    }

    // ~20 clicks per image at uniformly drawn pixels, each labelled with the synthetic ground truth there (a stand-in for
    // ClickGenerator's per-instance clicks: same density, no instance logic); seeded by Options.Seed.
    private static Tensor RandomClicks(SyntheticSnippet[] snippets, LossBenchmarkOptions o)
    {
        var random = new Random(o.Seed);
        var map = Enumerable.Repeat(PartialCrossEntropyLoss.IgnoreIndex, o.Batch * o.Height * o.Width).ToArray();
        for (var b = 0; b < o.Batch; b++)
        {
            var label = snippets[b].Label.contiguous().data<byte>().ToArray(); // [H, W] class ids
            for (var k = 0; k < LossBenchmarkOptions.ClicksPerImage; k++)
            {
                var p = random.Next(o.Height * o.Width);
                map[b * o.Height * o.Width + p] = Math.Min(label[p], (long)o.Classes - 1);
            }
        }
        return tensor(map, [o.Batch, o.Height, o.Width]);
    }

    public void Dispose()
    {
        foreach (var t in _frames.Concat(_flows).Append(Clicks))
        {
            t.Dispose();
        }
        _optimizer.Dispose();
        Student.Dispose();
        Teacher.Dispose();
    }
}
