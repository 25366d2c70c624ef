using WeClick.Losses;

namespace WeClick.Core.Tests.Losses;

/// <summary>The total loss (Eq. 5): parts equal the separately computed losses, contributions add up, switches work.</summary>
public sealed class WeClickLossTests
{
    private const int N = 2, C = 4, H = 3, W = 5;

    /// <summary>A clip with two neighbours; GatedCrf is a fixed stand-in value (0.7) that counts its calls.</summary>
    private static (WeClickLossInputs Inputs, Func<int> GcrfCalls) Batch(Tensor studentTarget)
    {
        manual_seed(9);
        var clicks = randint(0, C, [N, H, W]);
        clicks.masked_fill_(rand(N, H, W).gt(0.4), 255L);
        var neighbours = new[] { randn(N, C, H, W), randn(N, C, H, W) };
        var flows = new[] { rand(N, 2, H, W).mul(2).sub(1), rand(N, 2, H, W).mul(2).sub(1) };
        var flowValid = new[] { rand(N, H, W).gt(0.2).to(ScalarType.Float32), ones(N, H, W) };
        var valid = ones(N, H, W);
        valid[1][2].fill_(0.0); // a padded row
        int calls = 0;
        var gcrfValue = tensor(0.7f);
        var inputs = new WeClickLossInputs(studentTarget, clicks, neighbours, flows, randn(N, C, H, W),
            [randn(N, C, H, W), randn(N, C, H, W)], flowValid, valid, () => { calls++; return gcrfValue; });
        return (inputs, () => calls);
    }

    [Fact]
    public void Forward_PartsEqualSeparateLossesAndContributionsAddUp()
    {
        using var scope = NewDisposeScope();
        manual_seed(10);
        var target = randn(N, C, H, W).requires_grad_();
        var (x, calls) = Batch(target);
        var settings = new WeClickLossSettings(Alpha: 1.5, Beta: 0.5, Gamma: 2.0);
        var terms = new WeClickLoss(settings).Forward(x);

        var pce = new PartialCrossEntropyLoss().Forward(target, x.Clicks).item<float>();
        var mfdLoss = new MemoryFlowDistillationLoss();
        var mfd = mfdLoss.Forward(target, x.StudentNeighbours[0], x.Flows![0], x.TeacherTarget!, x.FlowValid![0], x.ImageValid).item<float>()
                  + mfdLoss.Forward(target, x.StudentNeighbours[1], x.Flows[1], x.TeacherTarget!, x.FlowValid[1], x.ImageValid).item<float>();
        var kdLoss = new DistillationLoss();
        var kd = kdLoss.Forward(target, x.TeacherTarget!, x.ImageValid).item<float>()
                 + kdLoss.Forward(x.StudentNeighbours[0], x.TeacherNeighbours![0], x.ImageValid).item<float>()
                 + kdLoss.Forward(x.StudentNeighbours[1], x.TeacherNeighbours[1], x.ImageValid).item<float>();

        Assert.Equal(pce, terms.Parts["pce"], 5);
        Assert.Equal(0.7, terms.Parts["gcrf"], 5);
        Assert.Equal(pce + 0.1 * 0.7, terms.Parts["weakly"], 5);
        Assert.Equal(mfd, terms.Parts["mfd"], 5);
        Assert.Equal(kd, terms.Parts["kd"], 5);
        Assert.Equal(1.5 * (pce + 0.07), terms.Contributions["weakly"], 5);
        Assert.Equal(0.5 * mfd, terms.Contributions["mfd"], 5);
        Assert.Equal(2.0 * kd, terms.Contributions["kd"], 5);
        Assert.Equal(terms.Contributions.Values.Sum(), terms.Total.item<float>(), 5);
        Assert.Equal(1, calls());
        terms.Total.backward();
        Assert.True(target.grad!.abs().sum().item<float>() > 0);
    }

    [Theory]
    [InlineData("weakly")]
    [InlineData("mfd")]
    [InlineData("kd")]
    public void Forward_ZeroWeightSkipsTheTerm(string off)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var target = randn(N, C, H, W);
        var (x, calls) = Batch(target);
        var all = new WeClickLoss().Forward(x);
        var settings = new WeClickLossSettings(Alpha: off == "weakly" ? 0 : 1, Beta: off == "mfd" ? 0 : 1, Gamma: off == "kd" ? 0 : 1);
        var some = new WeClickLoss(settings).Forward(x);
        Assert.False(some.Contributions.ContainsKey(off));
        Assert.False(some.Parts.ContainsKey(off));
        Assert.Equal(all.Total.item<float>() - all.Contributions[off], some.Total.item<float>(), 5);
        if (off == "weakly")
        {
            Assert.False(some.Parts.ContainsKey("pce"));
            Assert.Equal(1, calls()); // only the first (all-on) call computed the Gated CRF
        }
    }

    [Fact]
    public void Forward_WithoutGatedCrfOrTeacherNeighbours()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var target = randn(N, C, H, W);
        var (x, _) = Batch(target);
        var terms = new WeClickLoss().Forward(x with { GatedCrf = null, TeacherNeighbours = null });
        Assert.False(terms.Parts.ContainsKey("gcrf"));
        Assert.Equal(terms.Parts["pce"], terms.Parts["weakly"]);
        Assert.Equal(new DistillationLoss().Forward(target, x.TeacherTarget!, x.ImageValid).item<float>(), terms.Parts["kd"], 5);
        // λ = 0 also skips it.
        var noLambda = new WeClickLoss(new WeClickLossSettings(Lambda: 0)).Forward(x);
        Assert.False(noLambda.Parts.ContainsKey("gcrf"));
    }

    [Fact]
    public void Forward_KdFramesTarget_DistilsTheTargetAloneEvenWithTeacherNeighbours()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var target = randn(N, C, H, W);
        var (x, _) = Batch(target);
        var kd = new DistillationLoss();
        var targetOnly = kd.Forward(target, x.TeacherTarget!, x.ImageValid).item<float>();
        var every = targetOnly + kd.Forward(x.StudentNeighbours[0], x.TeacherNeighbours![0], x.ImageValid).item<float>()
                    + kd.Forward(x.StudentNeighbours[1], x.TeacherNeighbours[1], x.ImageValid).item<float>();
        Assert.Equal(targetOnly, new WeClickLoss(new WeClickLossSettings(KdFrames: KdFrames.Target)).Forward(x).Parts["kd"], 5);
        Assert.Equal(every, new WeClickLoss(new WeClickLossSettings(KdFrames: KdFrames.All)).Forward(x).Parts["kd"], 5);
        Assert.Throws<ArgumentException>(() => new WeClickLossSettings(KdFrames: (KdFrames)7).Validate());
    }

    [Fact]
    public void Forward_AllTermsOffGivesZeroThatAcceptsBackward()
    {
        using var scope = NewDisposeScope();
        var target = randn(N, C, H, W).requires_grad_();
        var (x, _) = Batch(target);
        var terms = new WeClickLoss(new WeClickLossSettings(0, 0, 0)).Forward(x);
        Assert.Equal(0f, terms.Total.item<float>());
        Assert.Empty(terms.Parts);
        terms.Total.backward();
    }

    [Fact]
    public void Settings_ThrowForNegativeWeightAndMissingInputs()
    {
        var e = Assert.Throws<ArgumentException>(() => new WeClickLoss(new WeClickLossSettings(Beta: -1)));
        Assert.Contains("Beta", e.Message, StringComparison.Ordinal);
        using var scope = NewDisposeScope();
        var (x, _) = Batch(randn(N, C, H, W));
        Assert.Throws<ArgumentException>(() => new WeClickLoss().Forward(x with { TeacherTarget = null }));
        Assert.Throws<ArgumentException>(() => new WeClickLoss().Forward(x with { Flows = [x.Flows![0]] }));
    }
}
