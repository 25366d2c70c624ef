using System.Text.Json.Nodes;
using Xunit.Abstractions;
using WeClick.Core.Tests.Data;
using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Evaluation;
using WeClick.Experiments;
using WeClick.Flow;

namespace WeClick.Core.Tests.Experiments;

/// <summary>
/// The temporal consistency of the ground-truth labels, the reference the models' TC is read against: the same runs, flow
/// and occlusion check as the models', on labels rendered again (synthetic) or on consecutive labelled frames (CamVid).
/// </summary>
public sealed class GroundTruthConsistencyTests(ITestOutputHelper output) : IDisposable
{
    // Two val snippets of 6 frames labelled at frame 5, so runs of 4 frames (2, 3, 4, 5) lie inside each snippet.
    private static readonly SyntheticVideoSettings Small = new()
    {
        Width = 96, Height = 48, SnippetLength = 6, LabelledIndex = 5, TrainSnippets = 1, ValSnippets = 2, Seed = 7,
    };

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    // The experiments' ground-truth flow: TC replaces it by DIS (it exists for clip pairs F → f only), with the check.
    private ExperimentConfig Synthetic() => ExperimentPresets.Quick with
    {
        Data = ExperimentPresets.Quick.Data with { Root = folder.Combine("synthetic"), Synthetic = Small },
        Flow = new FlowSettings(FlowMethod.GroundTruth, OcclusionCheck: new ForwardBackwardCheck()),
    };

    [Fact]
    public void Synthetic_ReferenceIsHigh_UsesTheModelsRunsAndFlows_AndEqualsTheLabelsRenderedAgainByHand()
    {
        var config = Synthetic();
        ExperimentData.EnsureData(config);
        var reference = ExperimentEvaluation.MeasureGroundTruthConsistency(config, "val", 4);
        output.WriteLine($"{reference.MeanAgreement:F4}: {reference.Description}");

        Assert.True(reference.Available);
        Assert.Equal(2 * 3, reference.PairCount); // two labelled frames, each the end of a run of 4 frames
        Assert.Equal([1], reference.Gaps);
        Assert.InRange(reference.MeanAgreement, 0.9, 1.0);
        Assert.StartsWith("ground-truth labels of synthetic/val: 6 pairs in the models' runs of 4 frames ending at each labelled frame (1 video frame apart)",
            reference.Description);
        Assert.EndsWith("; flow Dis with the forward–backward occlusion check.", reference.Description);

        // By hand for the second snippet: its labels of frames 2..5 from the generator, DIS between its frames (the PNGs
        // hold the same bytes), the check with the reverse flow.
        using var snippet = new SyntheticVideo(Small).Generate("val", 1, labelEveryFrame: true);
        var estimator = new DisFlowEstimator();
        var check = new ForwardBackwardCheck();
        using var scope = NewDisposeScope();
        var flows = new List<Tensor>();
        var valid = new List<Tensor?>();
        for (var t = 3; t <= 5; t++)
        {
            flows.Add(estimator.Estimate(snippet.Frames[t], snippet.Frames[t - 1]));
            valid.Add(check.Valid(flows[^1], estimator.Estimate(snippet.Frames[t - 1], snippet.Frames[t])));
        }
        var expected = TemporalConsistency.Measure(snippet.FrameLabels!.Skip(2).ToList(), flows, valid);
        Assert.Equal(expected.Pairs, reference.Result!.Pairs.Skip(3));

        // The models' TC counts the same pixels of the same pairs: same frames, flows and occlusion masks (no label is void).
        using var model = ExperimentModels.CreateModel(new ModelConfig { Name = "deeplabv3plus-mobilenetv2", WidthMultiplier = 0.25 }, 11);
        var models = ExperimentEvaluation.MeasureTemporalConsistency(config, model, "val", 4);
        Assert.Equal(models.FrameGaps, reference.Result.FrameGaps);
        Assert.Equal(models.Pairs.Select(p => p.Counted), reference.Result.Pairs.Select(p => p.Counted));
    }

    [Fact]
    public void Synthetic_SettingsThatDoNotRenderTheLabelFilesAgain_AreAClearErrorNamingTheFileAndKey()
    {
        var config = Synthetic();
        ExperimentData.EnsureData(config);
        var descriptor = folder.Combine("synthetic", "weclick-dataset.json");
        var json = JsonNode.Parse(File.ReadAllText(descriptor))!;
        json["syntheticSettings"]!["seed"] = 8;
        File.WriteAllText(descriptor, json.ToJsonString());

        var e = Assert.Throws<InvalidDataException>(() => ExperimentEvaluation.MeasureGroundTruthConsistency(config, "val", 4));
        var label = folder.Combine("synthetic", "gtFine", "val", "synthetic", "synthetic_000000_000005_gtFine_labelIds.png");
        Assert.StartsWith($"'{label}' differs from frame 5 of snippet 0 rendered again with the settings in '{descriptor}' (key \"syntheticSettings\")", e.Message);

        json.AsObject().Remove("syntheticSettings");
        File.WriteAllText(descriptor, json.ToJsonString());
        Assert.Contains($"'{descriptor}': no \"syntheticSettings\"",
            Assert.Throws<InvalidDataException>(() => ExperimentEvaluation.MeasureGroundTruthConsistency(config, "val", 4)).Message);
    }

    [Fact]
    public void ConstantLabels_ScoreExactlyOne_WhateverTheFlow()
    {
        // The caveat: a predictor that paints every pixel one class agrees with itself under any flow.
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var labels = Enumerable.Range(0, 4).Select(_ => full([24, 32], 6, ScalarType.Byte)).ToList();
        var flows = Enumerable.Range(0, 3).Select(_ => randn([2, 24, 32], generator: generator).mul(5)).ToList();
        var result = TemporalConsistency.Measure(labels, flows);
        Assert.All(result.Pairs, p => Assert.True(p.Counted > 0 && p.Agreeing == p.Counted));
        Assert.Equal(1.0, result.MeanAgreement);
    }

    [Fact]
    public void CamVid_PairsConsecutiveLabelledFramesOfEachSequence_ConstantLabelsScoreOne_AndChangedLabelsZero()
    {
        // Sequence 0016E5 at frames 100, 102, 104 and 0006R0 at 930 alone; noise images, so DIS returns some flow.
        var root = folder.Combine("camvid");
        var random = new Random(1);
        foreach (var (name, cls) in new[] { ("0016E5_00100", 3), ("0016E5_00102", 3), ("0016E5_00104", 5), ("0006R0_f00930", 1) })
        {
            DataFixtures.WriteRgb(Path.Combine(root, "val", name + ".png"), 32, 48, (_, _) => ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            DataFixtures.WriteGrey(Path.Combine(root, "valannot", name + ".png"), 32, 48, (_, _) => (byte)cls);
        }
        var config = ExperimentPresets.CamVidQuick with { Data = new DataConfig { Dataset = "camvid", Root = root } };
        var reference = ExperimentEvaluation.MeasureGroundTruthConsistency(config, "val", 4);

        // (100, 102): one class in both, all agree; (102, 104): class 3 then 5, none agrees; 930 has no partner.
        Assert.Equal(2, reference.PairCount);
        Assert.Equal([2, 2], reference.Result!.FrameGaps!);
        Assert.Equal(1.0, reference.Result.Pairs[0].Fraction);
        Assert.Equal(0.0, reference.Result.Pairs[1].Fraction);
        Assert.Equal(0.5, reference.MeanAgreement);
        Assert.Equal("ground-truth labels of camvid/val: 2 pairs of consecutive labelled frames (2 video frames apart; the models' runs compare " +
            "adjacent frames where those are on disk); flow Dis.", reference.Description);
    }

    [Fact]
    public void Cityscapes_IsNotAvailable_WithTheReason_WithoutReadingAFile()
    {
        var config = ExperimentPresets.Cityscapes with { Data = new DataConfig { Dataset = "cityscapes", Root = folder.Combine("none") } };
        var reference = ExperimentEvaluation.MeasureGroundTruthConsistency(config, "val", 4);
        Assert.False(reference.Available);
        Assert.True(double.IsNaN(reference.MeanAgreement));
        Assert.Equal((0, 0), (reference.PairCount, reference.Gaps.Count));
        Assert.Equal("not available: cityscapes/val labels one frame per snippet, so its ground truth has no consecutive labelled frames to compare.",
            reference.Description);
        Assert.Throws<ArgumentException>(() => ExperimentEvaluation.MeasureGroundTruthConsistency(config, "val", 1));
    }

    [CamVidFact]
    public void CamVidVal_ComparesLabelledFrames2Apart_AsDisSeesThem()
    {
        // The first four val frames of the shared copy: 0016E5 every 2nd video frame.
        string[] names = ["0016E5_07959", "0016E5_07961", "0016E5_07963", "0016E5_07965"];
        var root = folder.Combine("camvid");
        foreach (var sub in new[] { "val", "valannot" })
        {
            Directory.CreateDirectory(Path.Combine(root, sub));
            foreach (var name in names)
            {
                File.Copy(Path.Combine(SharedData.CamVid, sub, name + ".png"), Path.Combine(root, sub, name + ".png"));
            }
        }
        var config = ExperimentPresets.CamVidQuick with { Data = new DataConfig { Dataset = "camvid", Root = root } };
        var reference = ExperimentEvaluation.MeasureGroundTruthConsistency(config, "val", 4);
        output.WriteLine($"{reference.MeanAgreement:F4}: {reference.Description}");
        Assert.Equal(3, reference.PairCount);
        Assert.Equal([2, 2, 2], reference.Result!.FrameGaps!);

        // By hand: each labelled frame's label against the one 2 frames before, DIS between their images, every pixel not void counted.
        var dataset = new CamVidDataset(root, "val");
        var estimator = new DisFlowEstimator();
        for (var i = 1; i < names.Length; i++)
        {
            using var previous = dataset.GetClip(i - 1, 0);
            using var current = dataset.GetClip(i, 0);
            using var flow = estimator.Estimate(current.Image, previous.Image);
            Assert.Equal(TemporalConsistency.Pair(previous.Label, current.Label, flow), reference.Result.Pairs[i - 1]);
        }
        // Real labels move with the scene, so DIS carries most of them over; a clear margin below 1 is the flow's and the labels' error.
        Assert.InRange(reference.MeanAgreement, 0.8, 1.0);
    }
}
