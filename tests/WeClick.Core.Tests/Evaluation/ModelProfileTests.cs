using WeClick.Core.Tests.Models;
using WeClick.Evaluation;
using WeClick.Models;

namespace WeClick.Core.Tests.Evaluation;

public sealed class ModelProfileTests
{
    [Fact]
    public void Parameter_count_matches_the_README_table()
    {
        using var model = ModelCatalog.Create("deeplabv3plus-mobilenetv2", new ModelOptions(Classes: 19));
        Assert.Equal(13_354_739, ModelProfile.CountParameters(model));
    }

    [Fact]
    public void Speed_record_is_populated_at_a_tiny_size()
    {
        manual_seed(0);
        using var model = new Segmentor("tiny", new TinyBackbone(), new TinyHead(3).Registered());
        var profile = ModelProfile.Measure(model, height: 32, width: 48, timedFrames: 2, warmupFrames: 1);
        Assert.Equal("tiny", profile.Model);
        // TinyBackbone: stem 3·4·9 = 108, BN 2·4 = 8, down 4·6·9 + 6 = 222; TinyHead: 6·3 + 3 = 21 → 359.
        Assert.Equal(359, profile.Parameters);
        Assert.Equal(model.parameter_count(), profile.Parameters);
        Assert.Equal("cpu", profile.Device);
        Assert.Equal(get_num_threads(), profile.Threads);
        Assert.Equal((32, 48, 1, 2), (profile.Height, profile.Width, profile.WarmupFrames, profile.TimedFrames));
        Assert.Equal(2, profile.LatenciesMs.Count);
        Assert.All(profile.LatenciesMs, l => Assert.True(l > 0));
        Assert.Equal(profile.LatenciesMs.Average(), profile.MedianLatencyMs, 1e-12); // the median of two is their mean
        Assert.Equal(1000.0 / profile.MedianLatencyMs, profile.Fps, 1e-9);
        Assert.True(profile.Fps > 0);
        Assert.True(model.training); // mode restored
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelProfile.Measure(model, 32, 48, timedFrames: 0));
    }
}
