using WeClick.Data.Synthetic;

namespace WeClick.Core.Tests.Data.Synthetic;

public sealed class SyntheticVideoSettingsTests
{
    [Fact]
    public void Defaults_AreValidAndFollowCityscapesSnippets()
    {
        var s = new SyntheticVideoSettings().Validate();
        Assert.Equal((256, 128), (s.Width, s.Height));
        Assert.Equal((30, 19), (s.SnippetLength, s.LabelledIndex));
    }

    public static TheoryData<SyntheticVideoSettings, string> Bad => new()
    {
        { new() { Width = 16 }, "Width = 16" },
        { new() { Height = 5000 }, "Height = 5000" },
        { new() { LabelledIndex = 30 }, "LabelledIndex = 30" },
        { new() { SnippetLength = 1, LabelledIndex = 0 }, "SnippetLength = 1" },
        { new() { TrainSnippets = 0, ValSnippets = 0 }, "at least one snippet" },
        { new() { TrainSnippets = -1 }, "TrainSnippets = -1" },
        { new() { CameraSpeed = -0.1 }, "CameraSpeed = -0.1" },
        { new() { CameraSpeed = 1.0, SnippetLength = 100, LabelledIndex = 50 }, "40 m of travel" },
        { new() { PanRange = double.NaN }, "PanRange = NaN" },
        { new() { Cars = new CountRange(3, 2) }, "Cars = 3..2" },
        { new() { Pedestrians = new CountRange(-1, 2) }, "Pedestrians = -1..2" },
        { new() { Bicyclists = new CountRange(0, 50) }, "Bicyclists = 0..50" },
        { new() { NoiseLevel = 60 }, "NoiseLevel = 60" },
        { new() { LightingAmplitude = 0.9 }, "LightingAmplitude = 0.9" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_ThrowsNamingTheSetting(SyntheticVideoSettings settings, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => settings.Validate());
        Assert.Contains(expected, e.Message);
        Assert.Throws<ArgumentException>(() => new SyntheticVideo(settings));
    }

    [Fact]
    public void CountRange_DrawsWithinItsBounds()
    {
        var rng = new Random(1);
        var draws = Enumerable.Range(0, 200).Select(_ => new CountRange(2, 4).Draw(rng)).ToHashSet();
        Assert.Equal([2, 3, 4], draws.Order());
    }
}
