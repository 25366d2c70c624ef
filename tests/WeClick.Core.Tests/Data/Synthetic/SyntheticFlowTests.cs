using System.Globalization;
using WeClick.Core.Tests.Support;
using WeClick.Data.Synthetic;

namespace WeClick.Core.Tests.Data.Synthetic;

/// <summary>One noise-free, constant-light snippet at the default size, shared by the flow tests.</summary>
public sealed class NoiseFreeSnippet : IDisposable
{
    public static readonly SyntheticVideoSettings Settings = new() { NoiseLevel = 0, LightingAmplitude = 0, Seed = 7 };

    public SyntheticSnippet Snippet { get; } = new SyntheticVideo(Settings).Generate("train", 0, labelEveryFrame: true);

    public void Dispose() => Snippet.Dispose();
}

public sealed class SyntheticFlowTests(NoiseFreeSnippet fixture) : IClassFixture<NoiseFreeSnippet>
{
    private SyntheticSnippet Snippet => fixture.Snippet;

    private static Tensor Warp(Tensor image, Tensor flow, string mode) => BackwardWarp.Apply(image, flow, mode);

    private static Tensor Grey(Tensor frame) => BackwardWarp.Grey(frame);

    public static TheoryData<int> OtherFrames => new() { 0, 10, 15, 18, 20, 29 };

    [Theory]
    [MemberData(nameof(OtherFrames))]
    public void Flow_WarpsFrameOntoTheLabelledFrame(int f)
    {
        using var scope = NewDisposeScope();
        var F = Snippet.LabelledIndex;
        var target = Grey(Snippet.Frames[F]);
        var other = Grey(Snippet.Frames[f]);
        var valid = Snippet.FlowValid[f]!.unsqueeze(0);
        var warped = Warp(other, Snippet.Flows[f]!, "bilinear");
        var warpedError = warped.sub(target).abs().masked_select(valid).mean().ToSingle();
        var unwarpedError = other.sub(target).abs().masked_select(valid).mean().ToSingle();
        var validFraction = valid.to(ScalarType.Float32).mean().ToSingle();
        var message = string.Create(CultureInfo.InvariantCulture,
            $"frame {f}: warped error {warpedError:0.00}, unwarped {unwarpedError:0.00} grey levels, {validFraction:P0} valid");
        // What is left is interpolation across edges and, far from F, the change of scale: frame 0 sees F's near
        // road and facades from up to 6 m further back, i.e. at lower resolution, so warping it cannot restore F's detail.
        var bound = Math.Abs(f - F) <= 4 ? 2.0 : 4.0;
        Assert.True(validFraction > 0.5, message);
        Assert.True(warpedError < bound, message);
        Assert.True(warpedError < 0.3 * unwarpedError, message);
    }

    [Theory]
    [MemberData(nameof(OtherFrames))]
    public void Flow_WarpsLabelsOntoTheLabelledFrame(int f)
    {
        using var scope = NewDisposeScope();
        var label = Snippet.Label.to(ScalarType.Float32).unsqueeze(0);
        var otherLabel = Snippet.FrameLabels![f].to(ScalarType.Float32).unsqueeze(0);
        var valid = Snippet.FlowValid[f]!.unsqueeze(0);
        var warped = Warp(otherLabel, Snippet.Flows[f]!, "nearest");
        var agreement = warped.eq(label).masked_select(valid).to(ScalarType.Float32).mean().ToSingle();
        var unwarped = otherLabel.eq(label).masked_select(valid).to(ScalarType.Float32).mean().ToSingle();
        Assert.True(agreement >= 0.95, $"frame {f}: warped labels agree on {agreement:P2} of valid pixels (unwarped {unwarped:P2})");
    }

    [Fact]
    public void Flow_IsAbsentAtFAndGrowsWithTheFrameDistance()
    {
        // The camera drives forward: frames further from F move further (mean |flow| grows with |f − F|).
        var F = Snippet.LabelledIndex;
        // dim: named, because TorchSharp's sum(0) binds the literal 0 to sum(ScalarType? type) and sums everything as uint8.
        double Magnitude(int f) => Snippet.Flows[f]!.square().sum(dim: 0).sqrt().mean().ToSingle();
        Assert.Null(Snippet.Flows[F]);
        Assert.Null(Snippet.FlowValid[F]);
        Assert.True(Magnitude(F - 1) > 0.1);
        Assert.True(Magnitude(F - 10) > 5 * Magnitude(F - 1));
        Assert.True(Magnitude(0) > Magnitude(F - 10));
        Assert.True(Magnitude(F + 10) > Magnitude(F + 1));
    }

    [Fact]
    public void FlowValid_ExcludesPointsLeavingTheFrame()
    {
        // Frame 0 is 19 frames back, so the camera was farther away: F's image border shows points that frame 0 shows
        // further in; with forward motion the flow from F to earlier frames points towards the vanishing point, and
        // every valid pixel's target must lie inside the frame.
        var flow = Snippet.Flows[0]!;
        var valid = Snippet.FlowValid[0]!;
        long h = flow.size(1), w = flow.size(2);
        using var x = arange(w, ScalarType.Float32).view(1, w).add(flow[0]);
        using var y = arange(h, ScalarType.Float32).view(h, 1).add(flow[1]);
        using var inside = x.ge(-0.5).logical_and(x.lt(w - 0.5)).logical_and(y.ge(-0.5)).logical_and(y.lt(h - 0.5));
        Assert.False(valid.logical_and(inside.logical_not()).any().ToBoolean());
    }
}
