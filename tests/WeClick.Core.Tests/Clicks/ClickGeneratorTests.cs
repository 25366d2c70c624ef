using WeClick.Clicks;
using WeClick.Vision;

namespace WeClick.Core.Tests.Clicks;

public class ClickGeneratorTests
{
    private static readonly ClickSettings AnyArea = ClickSettings.CamVid with { MinimumAreaOverride = 1 };

    [Fact]
    public void Generate_UsesTheCentroidWhenItLiesInside()
    {
        using var label = LabelMaps.FromRows(
            "........",
            "..3333..",
            "..3333..",
            "..3333..",
            "........");
        var clicks = ClickGenerator.Generate(label, null, AnyArea, seed: 0);
        // mean column of 2..5 = 3.5 → 4 (half away from zero), mean row 2
        Assert.Equal([new Click(4, 2, 3, 1, 12)], clicks);
    }

    [Fact]
    public void Generate_ClicksInsideARing()
    {
        using var label = LabelMaps.Filled(41, 41, 255);
        Draw.Ellipse(label, 20, 20, 15, 15, 0, [3.0], thickness: 3);
        Assert.Equal(255, LabelMaps.At(label, 20, 20)); // the centroid is off the ring

        var first = Assert.Single(ClickGenerator.Generate(label, null, AnyArea, seed: 7));
        var again = Assert.Single(ClickGenerator.Generate(label, null, AnyArea, seed: 7));
        Assert.Equal(first, again);
        Assert.Equal(3, LabelMaps.At(label, first.X, first.Y));

        var positions = new HashSet<(int, int)> { (first.X, first.Y) };
        for (var seed = 0; seed < 5; seed++)
        {
            var click = Assert.Single(ClickGenerator.Generate(label, null, AnyArea, seed));
            Assert.Equal(3, LabelMaps.At(label, click.X, click.Y));
            positions.Add((click.X, click.Y));
        }
        Assert.True(positions.Count > 1, "different seeds should pick different ring pixels");
    }

    [Fact]
    public void Generate_ClicksInsideACShapedInstance()
    {
        using var label = LabelMaps.FromRows(
            "..........",
            ".888888...",
            ".8........",
            ".8........",
            ".8........",
            ".888888...",
            "..........");
        using var isCar = label.eq(8);
        using var instances = isCar.to(ScalarType.Int32).mul(8000);
        Assert.Equal(0, LabelMaps.At(instances, 3, 3)); // the centroid (3, 3) is outside the C
        for (var seed = 0; seed < 4; seed++)
        {
            var click = Assert.Single(ClickGenerator.Generate(label, instances, AnyArea, seed));
            Assert.Equal(8, LabelMaps.At(label, click.X, click.Y));
            Assert.Equal(8000, click.InstanceId);
            Assert.Equal(15, click.Area);
            Assert.Equal(click, ClickGenerator.Generate(label, instances, AnyArea, seed)[0]);
        }
    }

    [Fact]
    public void Generate_ARandomPickDoesNotDependOnOtherObjects()
    {
        using var label = LabelMaps.Filled(41, 61, 255);
        Draw.Ellipse(label, 20, 20, 15, 15, 0, [3.0], thickness: 2);
        var alone = Assert.Single(ClickGenerator.Generate(label, null, AnyArea, seed: 3));
        LabelMaps.Fill(label, 50, 5, 5, 5, 3);  // a second object of the same class, found first in raster order
        LabelMaps.Fill(label, 45, 30, 5, 5, 1); // and one of an earlier class
        var clicks = ClickGenerator.Generate(label, null, AnyArea, seed: 3);
        Assert.Equal(3, clicks.Count);
        Assert.Contains(clicks, c => c.X == alone.X && c.Y == alone.Y && c.ClassId == 3);
    }

    [Theory]
    [InlineData(1024, 2048, 512)]
    [InlineData(512, 1024, 128)]
    [InlineData(360, 480, 42)]  // 512·172800/2097152 = 42.19 (A7)
    [InlineData(2048, 4096, 2048)]
    public void MinimumArea_ScalesWithTheImageArea(int height, int width, int expected)
    {
        Assert.Equal(expected, ClickSettings.Cityscapes.MinimumArea(height, width));
        Assert.Equal(512, (ClickSettings.CamVid with { MinimumAreaOverride = 512 }).MinimumArea(height, width));
    }

    [Theory]
    [InlineData(1024, 2048, 512)]
    [InlineData(512, 1024, 128)]
    public void Generate_DropsComponentsBelowTheThresholdAndKeepsThoseAtIt(int height, int width, int threshold)
    {
        using var label = LabelMaps.Filled(height, width, 255);
        LabelMaps.Fill(label, 10, 10, threshold - 1, 1, 1);  // one pixel short: dropped
        LabelMaps.Fill(label, 10, 20, threshold / 8, 8, 2);  // exactly the threshold: kept
        LabelMaps.Fill(label, 10, 40, threshold + 1, 1, 4);  // one more: kept
        var clicks = ClickGenerator.Generate(label, null, ClickSettings.Cityscapes, seed: 0);
        Assert.Equal([2, 4], clicks.Select(c => c.ClassId));
        Assert.Equal([threshold, threshold + 1], clicks.Select(c => c.Area));

        var fixedThreshold = ClickSettings.Cityscapes with { MinimumAreaOverride = threshold + 2 };
        Assert.Empty(ClickGenerator.Generate(label, null, fixedThreshold, seed: 0));
    }

    [Fact]
    public void Generate_OneClickPerTouchingInstanceOnlyWithAnInstanceMap()
    {
        using var label = LabelMaps.Filled(12, 24, 0);
        LabelMaps.Fill(label, 2, 2, 20, 8, 8);     // two cars side by side, one blob of class 8
        using var instances = LabelMaps.Filled(12, 24, 0, ScalarType.Int32);
        LabelMaps.Fill(instances, 2, 2, 10, 8, 26000);
        LabelMaps.Fill(instances, 12, 2, 10, 8, 26001);

        var withInstances = ClickGenerator.Generate(label, instances, AnyArea, seed: 0).Where(c => c.ClassId == 8).ToList();
        Assert.Equal([26000, 26001], withInstances.Select(c => c.InstanceId));
        foreach (var click in withInstances)
        {
            Assert.Equal(click.InstanceId, LabelMaps.At(instances, click.X, click.Y));
            Assert.Equal(80, click.Area);
        }
        Assert.Equal((7, 6), (withInstances[0].X, withInstances[0].Y)); // centroid (6.5, 5.5) rounded
        Assert.Equal((17, 6), (withInstances[1].X, withInstances[1].Y));

        var camVidStyle = ClickGenerator.Generate(label, null, AnyArea, seed: 0).Where(c => c.ClassId == 8).ToList();
        var single = Assert.Single(camVidStyle);
        Assert.Equal(160, single.Area);
        Assert.Equal(8, LabelMaps.At(label, single.X, single.Y));
    }

    [Fact]
    public void Generate_TreatsGroupRegionsOfInstanceClassesLikeStuff()
    {
        using var label = LabelMaps.Filled(20, 30, 0);
        LabelMaps.Fill(label, 1, 1, 5, 5, 8);      // an instance
        LabelMaps.Fill(label, 10, 1, 6, 6, 8);     // a "cargroup" region of 36 px (instance value = plain labelId)
        LabelMaps.Fill(label, 20, 10, 2, 2, 8);    // a tiny group region of 4 px
        using var instances = LabelMaps.Filled(20, 30, 7, ScalarType.Int32);
        LabelMaps.Fill(instances, 1, 1, 5, 5, 26003);
        LabelMaps.Fill(instances, 10, 1, 6, 6, 26);
        LabelMaps.Fill(instances, 20, 10, 2, 2, 26);
        var settings = ClickSettings.CamVid with { MinimumAreaOverride = 10 };
        var cars = ClickGenerator.Generate(label, instances, settings, seed: 0).Where(c => c.ClassId == 8).ToList();
        Assert.Equal([new Click(3, 3, 8, 26003, 25), new Click(13, 4, 8, 1, 36)], cars); // 12.5, 3.5 → 13, 4
    }

    [Fact]
    public void Generate_NeverClicksIgnoreAndIgnoreSplitsComponents()
    {
        using var label = LabelMaps.FromRows(
            "3333.3333",
            "3333.3333",
            "3333.3333",
            ".........",
            "000000000");
        var clicks = ClickGenerator.Generate(label, null, AnyArea, seed: 0);
        Assert.Equal(3, clicks.Count);
        Assert.Equal([new Click(4, 4, 0, 1, 9), new Click(2, 1, 3, 1, 12), new Click(7, 1, 3, 2, 12)], clicks);
        Assert.All(clicks, c => Assert.NotEqual(255, LabelMaps.At(label, c.X, c.Y)));
    }

    [Fact]
    public void Generate_NeverClicksIgnoreEvenWhenTheCentroidIsIgnored()
    {
        using var label = LabelMaps.Filled(21, 21, 5);
        LabelMaps.Fill(label, 8, 8, 5, 5, 255); // a void hole where the centroid of class 5 falls
        for (var seed = 0; seed < 5; seed++)
        {
            var click = Assert.Single(ClickGenerator.Generate(label, null, AnyArea, seed));
            Assert.Equal(5, LabelMaps.At(label, click.X, click.Y));
        }
    }

    [Fact]
    public void Generate_DiagonalNeighboursConnectWithEightConnectivityOnly()
    {
        using var label = LabelMaps.FromRows(
            "22....",
            "22....",
            "..22..",
            "..22..",
            "....22");
        var eight = Assert.Single(ClickGenerator.Generate(label, null, AnyArea, seed: 0));
        Assert.Equal(new Click(2, 2, 2, 1, 10), eight); // centroid (2.1, 2)
        var four = ClickGenerator.Generate(label, null, AnyArea with { EightConnectivity = false }, seed: 0);
        Assert.Equal([(1, 1, 4), (3, 3, 4), (5, 4, 2)], four.Select(c => (c.X, c.Y, c.Area))); // (0.5, 0.5) → (1, 1)
    }

    [Fact]
    public void Generate_RejectsBadInput()
    {
        using var floats = zeros(4, 4);
        Assert.Contains("label", Assert.Throws<ArgumentException>(() => ClickGenerator.Generate(floats, null, AnyArea, 0)).Message);
        using var label = LabelMaps.Filled(4, 4, 1);
        using var wrongShape = LabelMaps.Filled(4, 5, 0, ScalarType.Int32);
        Assert.Contains("shape", Assert.Throws<ArgumentException>(() => ClickGenerator.Generate(label, wrongShape, AnyArea, 0)).Message);
        using var negative = LabelMaps.Filled(4, 4, -3, ScalarType.Int32);
        Assert.Contains("-3", Assert.Throws<ArgumentException>(() => ClickGenerator.Generate(negative, null, AnyArea, 0)).Message);
        Assert.Throws<ArgumentException>(() => ClickGenerator.Generate(label, null, AnyArea with { Radius = -1 }, 0));
    }

    [Fact]
    public void Generate_ReturnsNothingForAnAllIgnoredLabel()
    {
        using var label = LabelMaps.Filled(5, 5, 255);
        Assert.Empty(ClickGenerator.Generate(label, null, AnyArea, 0));
    }

    [Fact]
    public void ImageSeed_IsStableAndDependsOnTheName()
    {
        Assert.Equal(ClickGenerator.ImageSeed(1, "aachen_000000_000019"), ClickGenerator.ImageSeed(1, "aachen_000000_000019"));
        Assert.NotEqual(ClickGenerator.ImageSeed(1, "aachen_000000_000019"), ClickGenerator.ImageSeed(1, "aachen_000001_000019"));
        Assert.NotEqual(ClickGenerator.ImageSeed(1, "aachen_000000_000019"), ClickGenerator.ImageSeed(2, "aachen_000000_000019"));
        Assert.True(ClickGenerator.ImageSeed(-5, "x") >= 0);
    }
}
