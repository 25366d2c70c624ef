using Xunit.Abstractions;
using WeClick.Core.Tests.Models;
using WeClick.Data.Synthetic;
using WeClick.Evaluation;
using WeClick.Flow;
using WeClick.Models;

namespace WeClick.Core.Tests.Evaluation;

public sealed class TemporalConsistencyTests(ITestOutputHelper output)
{
    private static readonly SyntheticVideoSettings Small = new() { Width = 96, Height = 48, SnippetLength = 4, LabelledIndex = 3, TrainSnippets = 0, ValSnippets = 2 };

    [Fact]
    public void One_pixel_shift_by_hand()
    {
        // previous (frame t − 1)      flow u = +1, v = 0: current(x, y) = previous(x + 1, y)
        //   [[0, 1, 2, 3],            current (frame t) = [[9, 2, 3, 7],
        //    [4, 5, 6, 7]]                                 [5, 6, 7, 1]]
        // Warped previous on t's grid = [[1, 2, 3, ·], [5, 6, 7, ·]]; the last column samples x = 4, outside → not counted.
        // Counted 6 pixels; they agree except (0, 0) (1 vs 9): 5/6.
        using var previous = tensor(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7 }, [2, 4]);
        using var current = tensor(new long[] { 9, 2, 3, 7, 5, 6, 7, 1 }, [2, 4]);
        using var flow = stack([ones(2, 4), zeros(2, 4)]);
        Assert.Equal(new PairAgreement(5, 6), TemporalConsistency.Pair(previous, current, flow));
        // A validity mask that drops (0, 0) leaves 5 of 5; a void label at (1, 1) is not counted either: 4 of 4.
        using var valid = ones([2, 4], ScalarType.Byte);
        valid[0][0].fill_(0);
        Assert.Equal(new PairAgreement(5, 5), TemporalConsistency.Pair(previous, current, flow, valid));
        using var withVoid = current.clone();
        withVoid[1][1].fill_(255);
        Assert.Equal(new PairAgreement(4, 4), TemporalConsistency.Pair(previous, withVoid, flow, valid));
        // Without the flow (zero motion) nothing agrees: [0,1,2,3] vs [9,2,3,7] and [4,5,6,7] vs [5,6,7,1], 0 of 8.
        using var still = zeros(2, 2, 4);
        Assert.Equal(new PairAgreement(0, 8), TemporalConsistency.Pair(previous, current, still));
        var sequence = TemporalConsistency.Measure([previous, current.to(ScalarType.Byte), previous], [flow, still]);
        Assert.Equal([new PairAgreement(5, 6), new PairAgreement(0, 8)], sequence.Pairs);
        Assert.Equal((5.0 / 6 + 0) / 2, sequence.MeanAgreement, 1e-12);
    }

    [Fact]
    public void Ground_truth_labels_with_exact_flow_agree_and_shuffled_frames_do_not()
    {
        var video = new SyntheticVideo(Small);
        using var snippet = video.Generate("val", 0, labelEveryFrame: true);
        using var other = video.Generate("val", 1, labelEveryFrame: true);
        var f = snippet.LabelledIndex;
        var labels = snippet.FrameLabels!;
        // The exact flow of F towards f − 1 ... : frame F at p shows frame f at p + flow(p); FlowValid marks occlusions.
        var agreements = new List<double>();
        var unmasked = new List<double>();
        var shuffled = new List<double>();
        for (var k = f - 1; k >= 0; k--)
        {
            agreements.Add(TemporalConsistency.Pair(labels[k], labels[f], snippet.Flows[k]!, snippet.FlowValid[k]).Fraction);
            // Without the occlusion mask only pixels whose sample leaves the frame are dropped; occlusions now disagree.
            unmasked.Add(TemporalConsistency.Pair(labels[k], labels[f], snippet.Flows[k]!).Fraction);
            // The same flow with the labels of another scene's frame in place of frame k.
            shuffled.Add(TemporalConsistency.Pair(other.FrameLabels![k], labels[f], snippet.Flows[k]!, snippet.FlowValid[k]).Fraction);
        }
        var sequence = TemporalConsistency.Measure([labels[f - 1], labels[f]], [snippet.Flows[f - 1]!], [snippet.FlowValid[f - 1]]);
        Assert.Equal(agreements[0], sequence.MeanAgreement, 1e-12);
        output.WriteLine($"exact flow: {string.Join(", ", agreements.Select(a => a.ToString("F4")))}; unmasked: {string.Join(", ", unmasked.Select(a => a.ToString("F4")))}; shuffled: {string.Join(", ", shuffled.Select(a => a.ToString("F4")))}");
        Assert.All(agreements, a => Assert.True(a >= 0.95, $"agreement {a:F4} below 0.95"));
        // Occluded pixels now count as disagreeing: never above the masked agreement, still far above a shuffled scene
        // (measured 0.97, 0.95, 0.95 for pairs 1–3 frames apart with the camera in the right lane).
        Assert.All(unmasked.Zip(agreements), p => Assert.True(p.First <= p.Second && p.First >= 0.9, $"unmasked agreement {p.First:F4}, masked {p.Second:F4}"));
        Assert.All(shuffled, s => Assert.True(s < 0.8, $"shuffled agreement {s:F4} not clearly lower"));
        Assert.True(agreements.Min() - shuffled.Max() > 0.2);
    }

    [Fact]
    public void Model_form_predicts_each_frame_and_asks_the_estimator_for_target_t_and_neighbour_t_minus_1()
    {
        var video = new SyntheticVideo(Small);
        using var snippet = video.Generate("val", 0);
        manual_seed(5);
        using var model = new Segmentor("tiny", new TinyBackbone(), new TinyHead(3).Registered());
        using (no_grad())
        {
            foreach (var parameter in model.parameters())
            {
                parameter.normal_(0, 1);
            }
        }
        var estimator = new RecordingEstimator(new DisFlowEstimator());
        var check = new ForwardBackwardCheck();
        var frames = snippet.Frames;
        var result = TemporalConsistency.Measure(model, frames, estimator, forwardBackward: check);

        Assert.Equal(frames.Count - 1, result.Pairs.Count);
        // Calls per pair: (target t, neighbour t − 1), then the reverse (t − 1, t) for the check.
        var expectedCalls = Enumerable.Range(1, frames.Count - 1).SelectMany(t => new[] { (t, t - 1), (t - 1, t) }).ToArray();
        Assert.Equal(expectedCalls, estimator.Calls.Select(c => (Index(frames, c.Target), Index(frames, c.Neighbour))).ToArray());
        var evaluator = new Evaluator();
        for (var t = 1; t < frames.Count; t++)
        {
            using var scope = NewDisposeScope();
            var flow = new DisFlowEstimator().Estimate(frames[t], frames[t - 1]);
            var valid = check.Valid(flow, new DisFlowEstimator().Estimate(frames[t - 1], frames[t]));
            var expected = TemporalConsistency.Pair(evaluator.Predict(model, frames[t - 1]), evaluator.Predict(model, frames[t]), flow, valid);
            Assert.Equal(expected, result.Pairs[t - 1]);
            Assert.True(expected.Counted > 0 && expected.Counted < frames[t].size(0) * frames[t].size(1));
        }
    }

    [Fact]
    public void Bad_input_is_a_clear_error()
    {
        using var labels = zeros([4, 6], ScalarType.Byte);
        using var flow = zeros(2, 4, 5);
        Assert.Contains("[2, 4, 6]", Assert.Throws<ArgumentException>(() => TemporalConsistency.Pair(labels, labels, flow)).Message);
        Assert.Throws<ArgumentException>(() => TemporalConsistency.Measure([labels], []));
        using var floats = zeros(4, 6);
        Assert.Contains("integral", Assert.Throws<ArgumentException>(() => TemporalConsistency.Pair(floats, labels, zeros(2, 4, 6))).Message);
    }

    private static int Index(IReadOnlyList<Tensor> frames, Tensor frame) => frames.ToList().FindIndex(f => ReferenceEquals(f, frame));

    private sealed class RecordingEstimator(IFlowEstimator inner) : IFlowEstimator
    {
        public List<(Tensor Target, Tensor Neighbour)> Calls { get; } = [];

        public string Key => inner.Key;

        public Tensor Estimate(Tensor target, Tensor neighbour)
        {
            Calls.Add((target, neighbour));
            return inner.Estimate(target, neighbour);
        }
    }
}
