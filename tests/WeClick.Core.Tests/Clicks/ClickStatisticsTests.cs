using WeClick.Clicks;

namespace WeClick.Core.Tests.Clicks;

public class ClickStatisticsTests
{
    private static readonly ImageClicks[] Images =
    [
        new("a", 10, 10, [new Click(1, 1, 0, 1), new Click(5, 5, 1, 1)], ValidPixels: 50),
        new("b", 4, 4, [new Click(0, 0, 1, 1)]), // valid pixels unknown: 16
    ];

    [Fact]
    public void Compute_CountsClicksAndPixels()
    {
        var stats = ClickStatistics.Compute(Images);
        Assert.Equal(2, stats.Images);
        Assert.Equal(3, stats.TotalClicks);
        Assert.Equal(1.5, stats.MeanClicksPerImage);
        Assert.Equal(1, stats.MinClicksPerImage);
        Assert.Equal(2, stats.MaxClicksPerImage);
        Assert.Equal([KeyValuePair.Create(0, 1), KeyValuePair.Create(1, 2)], stats.ClicksPerClass);
        Assert.Equal(3, stats.ClickedPixels);
        Assert.Equal(66, stats.ValidPixels);
        Assert.Equal(3.0 / 66, stats.LabelledPixelFraction, 12);
    }

    [Fact]
    public void Compute_CountsDiskPixelsAtARadius()
    {
        var stats = ClickStatistics.Compute(Images, radius: 1);
        Assert.Equal(5 + 5 + 3, stats.ClickedPixels); // two inner disks, one corner disk clipped to 3 pixels
        Assert.Equal(13.0 / 66, stats.LabelledPixelFraction, 12);
    }

    [Fact]
    public void ToRows_NamesClassesAndFormatsValues()
    {
        var rows = ClickStatistics.Compute(Images).ToRows(["sky", "building"]);
        Assert.Contains(("clicks per image (mean, min, max)", "1.5, 1, 2"), rows);
        Assert.Contains(("clicks of class building (1)", "2"), rows);
        Assert.Contains(("labelled pixel fraction (radius 0)", "4.54545% (3 / 66)"), rows);
        Assert.Contains("clicks: 3", ClickStatistics.Compute(Images).ToString());
    }

    [Fact]
    public void Compute_OfNoImagesIsZero()
    {
        var stats = ClickStatistics.Compute([]);
        Assert.Equal(0, stats.TotalClicks);
        Assert.Equal(0, stats.LabelledPixelFraction);
    }
}
