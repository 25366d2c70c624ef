using WeClick.Data.Synthetic;
using WeClick.Flow;

namespace WeClick.Core.Tests.Flow;

public class ForwardBackwardCheckTests
{

    private static Tensor Constant(float u, float v, int h = 6, int w = 8) =>
        stack([full([h, w], u), full([h, w], v)]); // [2, H, W]

    [Fact]
    public void ConsistentTranslation_IsValidWhereTheSampleStaysInTheFrame()
    {
        using var scope = NewDisposeScope();
        // target(p) = neighbour(p + (2, 0)), neighbour(q) = target(q − (2, 0)): consistent everywhere.
        var valid = new ForwardBackwardCheck().Valid(Constant(2, 0), Constant(-2, 0));
        Assert.Equal(new long[] { 6, 8 }, valid.shape);
        Assert.Equal(ScalarType.Byte, valid.dtype);
        // x + 2 must stay ≤ W − 1 = 7: columns 6 and 7 leave the frame.
        var row = new byte[] { 1, 1, 1, 1, 1, 1, 0, 0 };
        for (var y = 0; y < 6; y++)
        {
            Assert.Equal(row, valid[y].data<byte>().ToArray());
        }
    }

    [Theory]
    [InlineData(0.70f, 1)] // |F + B̂|² = 0.49 ≤ 0.01·0.49 + 0.5 = 0.5049
    [InlineData(0.72f, 0)] // 0.5184 > 0.01·0.5184 + 0.5 = 0.5052
    public void ZeroFlowAgainstAConstantReverse_FollowsTheThresholdByHand(float reverse, byte expected)
    {
        using var scope = NewDisposeScope();
        var valid = new ForwardBackwardCheck().Valid(Constant(0, 0), Constant(reverse, 0));
        Assert.True(valid.eq(expected).all().item<bool>(), $"expected all {expected}");
    }

    [Fact]
    public void LargeMotion_IsAllowedProportionalSlack()
    {
        using var scope = NewDisposeScope();
        // F = (3, 0), B = (−2, 0): |F + B|² = 1 vs 0.01·(9 + 4) + 0.5 = 0.63 → rejected; with α₁ = 0.1: 1.3 + 0.5 → accepted.
        var strict = new ForwardBackwardCheck().Valid(Constant(3, 0, 4, 12), Constant(-2, 0, 4, 12));
        var loose = new ForwardBackwardCheck(Alpha1: 0.1).Valid(Constant(3, 0, 4, 12), Constant(-2, 0, 4, 12));
        Assert.Equal(0, strict.sum().item<long>());
        Assert.Equal(4 * 9, loose.sum().item<long>()); // x + 3 ≤ 11 for x ≤ 8
    }

    [Fact]
    public void BatchedInput_GivesOneMaskPerItem()
    {
        using var scope = NewDisposeScope();
        var flow = stack([Constant(0, 0), Constant(0, 0)]);
        var reverse = stack([Constant(0, 0), Constant(0, 5)]);
        var valid = new ForwardBackwardCheck().Valid(flow, reverse);
        Assert.Equal(new long[] { 2, 6, 8 }, valid.shape);
        Assert.Equal(48, valid[0].sum().item<long>());
        Assert.Equal(0, valid[1].sum().item<long>());
    }

    [Fact]
    public void BadInput_IsNamed()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => new ForwardBackwardCheck().Valid(Constant(0, 0), Constant(0, 0, 6, 9)));
        Assert.Contains("[2, 6, 9]", e.Message);
        Assert.Contains("Alpha2", Assert.Throws<ArgumentException>(() => new ForwardBackwardCheck(Alpha2: -1).Validate()).Message);
    }

    [Fact]
    public void MovingSquare_ExactFlows_RejectExactlyTheBackgroundItCoversInTheNeighbour()
    {
        using var scope = NewDisposeScope();
        // Static background; a 4×4 square at x = 4..7 in the target moves 3 px right in the neighbour (x = 7..10).
        const int h = 8, w = 16;
        var flow = zeros(2, h, w);       // target grid: square pixels sample the neighbour 3 px right
        flow[0].narrow(0, 2, 4).narrow(1, 4, 4).fill_(3.0);
        var reverse = zeros(2, h, w);    // neighbour grid: square pixels sample the target 3 px left
        reverse[0].narrow(0, 2, 4).narrow(1, 7, 4).fill_(-3.0);
        var valid = new ForwardBackwardCheck().Valid(flow, reverse);
        // Background at x = 8..10 (rows 2..5) is visible in the target but covered by the square in the neighbour.
        var expected = ones([h, w], ScalarType.Byte);
        expected.narrow(0, 2, 4).narrow(1, 8, 3).fill_(0);
        TensorAssert.Equal(expected, valid);
    }

    [Fact]
    public void OnTheSyntheticVideo_KeptEstimatesAreBetterThanRejectedOnes()
    {
        // DIS both ways on a rendered pair whose exact flow is known: where the two directions agree, the estimate is
        // closer to the truth than where they disagree — the check filters bad flow, not at random.
        var video = new SyntheticVideo(new SyntheticVideoSettings { NoiseLevel = 0, Seed = 5 });
        using var snippet = video.Generate("train", 0);
        using var scope = NewDisposeScope();
        const int k = 19, gap = 3;
        var dis = new DisFlowEstimator();
        var flow = dis.Estimate(snippet.Frames[k], snippet.Frames[k - gap]);
        var reverse = dis.Estimate(snippet.Frames[k - gap], snippet.Frames[k]);
        var valid = new ForwardBackwardCheck().Valid(flow, reverse).@bool();
        var visible = snippet.FlowValid[k - gap]!.@bool();
        var error = (flow - snippet.Flows[k - gap]!).square().sum(dim: 0).sqrt();   // dim: named, or TorchSharp binds the literal 0 to sum(ScalarType) and sums everything
        var kept = error.masked_select(valid.logical_and(visible)).mean().ToDouble();
        var dropped = error.masked_select(valid.logical_not().logical_and(visible)).mean().ToDouble();
        var keptShare = valid.logical_and(visible).sum().item<long>() / (double)visible.sum().item<long>();
        Assert.InRange(keptShare, 0.5, 1.0);
        Assert.True(kept < 0.5 * dropped, $"end-point error {kept:F2} px where kept vs {dropped:F2} px where rejected ({keptShare:P0} kept)");
    }
}
