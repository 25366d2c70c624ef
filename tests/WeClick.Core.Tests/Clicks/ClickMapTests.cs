using WeClick.Clicks;
using WeClick.Vision;

namespace WeClick.Core.Tests.Clicks;

public class ClickMapTests
{
    [Fact]
    public void Rasterize_RadiusZeroLabelsExactlyTheClickedPixels()
    {
        Click[] clicks = [new(0, 0, 3, 1), new(4, 2, 8, 26000), new(5, 3, 0, 1)];
        using var map = ClickMap.Rasterize(clicks, 4, 6, radius: 0);
        Assert.Equal(ScalarType.Byte, map.dtype);
        Assert.Equal([4L, 6], map.shape);
        TensorAssert.Values([
            3, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 8, 255,
            255, 255, 255, 255, 255, 0], map);
    }

    [Fact]
    public void Rasterize_RadiusTwoLabelsADiskClippedToTheImage()
    {
        using var centre = ClickMap.Rasterize([new Click(5, 5, 7, 1)], 11, 11, radius: 2);
        using var centreLabelled = centre.ne(255).sum();
        Assert.Equal(13, centreLabelled.ToInt64()); // dx² + dy² ≤ 4
        Assert.Equal(7, LabelMaps.At(centre, 7, 5));
        Assert.Equal(255, LabelMaps.At(centre, 7, 6));
        Assert.Equal(7, LabelMaps.At(centre, 6, 6));

        using var corner = ClickMap.Rasterize([new Click(0, 0, 7, 1)], 11, 11, radius: 2);
        using var cornerLabelled = corner.ne(255).sum();
        Assert.Equal(6, cornerLabelled.ToInt64());
    }

    [Fact]
    public void Rasterize_OverlappingDisksTakeTheNearestClick()
    {
        // Clicks 2 apart on a row: the middle column is equidistant (the earlier click wins).
        using var map = ClickMap.Rasterize([new Click(3, 3, 1, 1), new Click(5, 3, 2, 1)], 7, 9, radius: 2);
        Assert.Equal(1, LabelMaps.At(map, 4, 3));
        Assert.Equal(2, LabelMaps.At(map, 5, 1));
        Assert.Equal(1, LabelMaps.At(map, 2, 3));
        using var ones = map.eq(1).sum();
        using var twos = map.eq(2).sum();
        // The disks share 5 pixels: (3..5, 3), (4, 2), (4, 4); of these only (5, 3) is nearer to the second click.
        Assert.Equal(13 + 13 - 5, ones.ToInt64() + twos.ToInt64());
        Assert.Equal(12, ones.ToInt64());
        Assert.Equal(9, twos.ToInt64());
    }

    [Fact]
    public void Rasterize_RejectsClicksOutsideTheImageOrOfTheIgnoreClass()
    {
        Assert.Contains("outside", Assert.Throws<ArgumentException>(() => ClickMap.Rasterize([new Click(6, 0, 1, 1)], 4, 6)).Message);
        Assert.Contains("255", Assert.Throws<ArgumentException>(() => ClickMap.Rasterize([new Click(0, 0, 255, 1)], 4, 6)).Message);
    }

    [Fact]
    public void Transform_MovesScalesCropsAndFlipsPoints()
    {
        Click[] clicks = [new(3, 4, 1, 1), new(0, 0, 2, 1), new(9, 9, 3, 1)];
        // scale 2: (3, 4) → (6, 8), the first pixel showing it; crop at (5, 5) → (1, 3); (0, 0) leaves; (9, 9) → (18, 18) − 5 = 13 ≥ 10 leaves
        Assert.Equal([new Click(1, 3, 1, 1)], ClickMap.Transform(clicks, 2, 2, 5, 5, 10, 10));
        Assert.Equal([new Click(8, 3, 1, 1)], ClickMap.Transform(clicks, 2, 2, 5, 5, 10, 10, flipHorizontal: true));
        // scale 0.5, no crop offset: destination d shows source 2d; odd 3 and 9 are skipped and go to 2 and 8 (ties go left)
        Assert.Equal([(1, 2), (0, 0), (4, 4)], ClickMap.Transform(clicks, 0.5, 0.5, 0, 0, 5, 5).Select(c => (c.X, c.Y)));
        // a negative offset pads: the click moves right and down
        Assert.Equal((5, 6), ClickMap.Transform(clicks, 1, 1, -2, -2, 20, 20).Select(c => (c.X, c.Y)).First());
    }

    [Theory]
    [InlineData(30, 40, 3, 2, 30, 20, false)]   // scale 0.5
    [InlineData(30, 40, 10, 5, 25, 20, true)]
    [InlineData(45, 60, 7, 9, 40, 30, true)]    // scale 0.75
    [InlineData(90, 120, 20, 15, 70, 60, false)] // scale 1.5
    [InlineData(120, 160, 33, 21, 100, 80, true)] // scale 2
    public void Transform_ThenRasterize_KeepsClicksOnTheirObjectsInTheTransformedLabel(
        int resizedHeight, int resizedWidth, int cropX, int cropY, int cropWidth, int cropHeight, bool flip)
    {
        using var scope = NewDisposeScope();
        var label = LabelMaps.Filled(60, 80, 0);
        LabelMaps.Fill(label, 4, 4, 10, 20, 3);
        LabelMaps.Fill(label, 60, 40, 18, 16, 4);
        Draw.Ellipse(label, 35, 30, 14, 10, 20, [8.0]);
        Draw.Ellipse(label, 62, 15, 10, 10, 0, [5.0], thickness: 5); // a ring: its click is a random pixel
        LabelMaps.Fill(label, 0, 55, 80, 1, 255);
        var clicks = ClickGenerator.Generate(label, null, ClickSettings.CamVid with { MinimumAreaOverride = 20 }, seed: 11);
        Assert.Equal(7, clicks.Count); // background above and below the void line and inside the ring, two boxes, ellipse, ring

        var resized = Image.Resize(label, resizedHeight, resizedWidth, Interpolation.Nearest);
        var crop = resized.narrow(0, cropY, cropHeight).narrow(1, cropX, cropWidth);
        if (flip)
        {
            crop = crop.flip(1);
        }
        // Which click pixels survive the nearest resize: mark each in an id map and transform it like the label.
        var ids = LabelMaps.Filled(60, 80, 255);
        for (var k = 0; k < clicks.Count; k++)
        {
            LabelMaps.Fill(ids, clicks[k].X, clicks[k].Y, 1, 1, k);
        }
        var idCrop = Image.Resize(ids, resizedHeight, resizedWidth, Interpolation.Nearest).narrow(0, cropY, cropHeight).narrow(1, cropX, cropWidth);
        if (flip)
        {
            idCrop = idCrop.flip(1);
        }

        var moved = ClickMap.Transform(clicks, resizedWidth / 80.0, resizedHeight / 60.0, cropX, cropY, cropWidth, cropHeight, flip);
        Assert.NotEmpty(moved);
        for (var k = 0; k < clicks.Count; k++)
        {
            var one = ClickMap.Transform([clicks[k]], resizedWidth / 80.0, resizedHeight / 60.0, cropX, cropY, cropWidth, cropHeight, flip);
            if (one.Count == 0)
            {
                continue;
            }
            var (x, y) = (one[0].X, one[0].Y);
            if (idCrop.eq(k).any().ToBoolean())
            {
                // The resized label shows the clicked pixel: the click lands exactly on it.
                Assert.Equal(k, LabelMaps.At(idCrop, x, y));
                Assert.Equal(clicks[k].ClassId, LabelMaps.At(crop, x, y));
            }
            else
            {
                // Shrinking skipped the clicked pixel: the click is kept on a neighbour, next to its object.
                var near = crop.narrow(0, Math.Max(0, y - 1), Math.Min(cropHeight, y + 2) - Math.Max(0, y - 1))
                    .narrow(1, Math.Max(0, x - 1), Math.Min(cropWidth, x + 2) - Math.Max(0, x - 1));
                Assert.True(near.eq(clicks[k].ClassId).any().ToBoolean(), $"{clicks[k]} moved to ({x}, {y}) away from its class");
            }
        }

        var map = ClickMap.Rasterize(moved, cropHeight, cropWidth, radius: 0);
        var labelled = map.ne(255);
        Assert.Equal(moved.Count, labelled.sum().ToInt64());
    }
}
