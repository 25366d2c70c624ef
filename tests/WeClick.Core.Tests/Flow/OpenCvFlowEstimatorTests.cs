using WeClick.Core.Tests.Support;
using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Flow;
using WeClick.Vision;

namespace WeClick.Core.Tests.Flow;

public class OpenCvFlowEstimatorTests
{
    public static TheoryData<string> Estimators => new() { "dis", "farneback" };

    private static IFlowEstimator Create(string name) => name == "dis" ? new DisFlowEstimator() : new FarnebackFlowEstimator();

    // A smooth random texture, and the same texture moved 3 px right and 2 px down.
    private static (Tensor Target, Tensor Neighbour) ShiftedPair()
    {
        manual_seed(4);
        var texture = Image.GaussianBlur(randint(0, 256, [140, 180, 3], dtype: ScalarType.Byte), 7, 2.0);
        var target = texture.narrow(0, 10, 120).narrow(1, 10, 160).contiguous();
        var neighbour = texture.narrow(0, 8, 120).narrow(1, 7, 160).contiguous(); // content moved by (+3, +2)
        return (target, neighbour);
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void Flow_OfAPureShift_PointsToWhereTheTargetPixelIsInTheNeighbour(string name)
    {
        using var scope = NewDisposeScope();
        var (target, neighbour) = ShiftedPair();
        var flow = Create(name).Estimate(target, neighbour);
        Assert.Equal(new long[] { 2, 120, 160 }, flow.shape);
        var interior = flow.narrow(1, 20, 80).narrow(2, 20, 120); // away from borders
        Assert.InRange(interior[0].mean().ToDouble(), 2.7, 3.3); // target(p) = neighbour(p + (3, 2))
        Assert.InRange(interior[1].mean().ToDouble(), 1.7, 2.3);
    }

    [Fact]
    public void Dis_OnTheSyntheticVideo_IsCloseToTheGroundTruth_AndAlignsTheNeighbour()
    {
        var video = new SyntheticVideo(new SyntheticVideoSettings { NoiseLevel = 0, Seed = 3 });
        using var snippet = video.Generate("train", 0);
        using var scope = NewDisposeScope();
        var k = 19;
        var target = snippet.Frames[k];
        var neighbour = snippet.Frames[k - 1];
        var estimated = new DisFlowEstimator().Estimate(target, neighbour);
        var truth = snippet.Flows[k - 1]!;
        var valid = snippet.FlowValid[k - 1]!.unsqueeze(0);
        var endPointError = (estimated - truth).square().sum(0, keepdim: true).sqrt().masked_select(valid).mean().ToDouble();
        Assert.True(endPointError < 1.0, $"mean end-point error {endPointError:F2} px");
        var warped = BackwardWarp.Apply(BackwardWarp.Grey(neighbour), estimated, "bilinear");
        var aligned = (warped - BackwardWarp.Grey(target)).abs().masked_select(valid).mean().ToDouble();
        var unaligned = (BackwardWarp.Grey(neighbour) - BackwardWarp.Grey(target)).abs().masked_select(valid).mean().ToDouble();
        Assert.True(aligned < 0.6 * unaligned, $"warped error {aligned:F2} vs unwarped {unaligned:F2}");
    }

    [CamVidFact]
    public void Dis_OnRealCamVidVideo_WarpedNeighbourLabelAgreesBetterThanUnwarped()
    {
        var dataset = new CamVidDataset(SharedData.CamVid, "val", options: new ClipDatasetOptions(2, FrameDirection.Forward) { MissingNeighbours = MissingNeighbours.NearestAvailable });
        var better = 0;
        var checkedClips = 0;
        for (var i = 10; i < 100; i += 15)
        {
            using var clip = dataset.GetClip(i, seed: 0);
            using var previous = dataset.GetClip(i - 1, seed: 0); // the previous labelled frame is the neighbour (2 frames earlier at 30 fps)
            using var scope = NewDisposeScope();
            var flow = new DisFlowEstimator().Estimate(clip.Image, previous.Image);
            var targetLabel = clip.Label.to(ScalarType.Float32).unsqueeze(0);
            var neighbourLabel = previous.Label.to(ScalarType.Float32).unsqueeze(0);
            var warpedLabel = BackwardWarp.Apply(neighbourLabel, flow, "nearest");
            var known = targetLabel.ne(255).logical_and(neighbourLabel.ne(255));
            double Agreement(Tensor label) => label.eq(targetLabel).logical_and(known).sum().item<long>() / (double)known.sum().item<long>();
            var warped = Agreement(warpedLabel);
            var unwarped = Agreement(neighbourLabel);
            if (warped > unwarped)
            {
                better++;
            }
            checkedClips++;
        }
        Assert.Equal(checkedClips, better);
    }

    [Fact]
    public void Keys_NameEverySetting()
    {
        Assert.Equal("opencv-dis-medium", new DisFlowEstimator().Key);
        Assert.NotEqual(new DisFlowEstimator(DisPreset.Fast).Key, new DisFlowEstimator().Key);
        Assert.NotEqual(new FarnebackFlowEstimator(WindowSize: 21).Key, new FarnebackFlowEstimator().Key);
    }

    [Fact]
    public void Estimate_RejectsFramesOfDifferentSizes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<OpenCvException>(() => new DisFlowEstimator().Estimate(zeros([32, 32, 3], ScalarType.Byte), zeros([32, 40, 3], ScalarType.Byte)));
        Assert.Contains("differ in size", e.Message);
    }
}
