using WeClick.Data;

namespace WeClick.Core.Tests.Data;

public class ClipAugmentationTests
{
    // A 56×40 target whose pixel (x, y) holds R = 4x + 20, G = 4y + 20, B = 100; label = x; instances = 1000y + x;
    // a neighbour showing the target moved by D = (Dx, Dy): N(x, y) = encode(x − Dx, y − Dy), so T(p) = N(p + D) and
    // the backward-warping flow (the contract's) is D everywhere.
    private const int W = 56, H = 40, Dx = 5, Dy = -3;

    private static byte Encode(double c) => (byte)(4 * c + 20);

    private static double Decode(double v) => (v - 20) / 4;

    private static Clip CoordinateClip()
    {
        var image = new byte[H * W * 3];
        var neighbour = new byte[H * W * 3];
        var label = new byte[H * W];
        var instances = new int[H * W];
        for (var y = 0; y < H; y++)
        {
            for (var x = 0; x < W; x++)
            {
                var i = y * W + x;
                (image[3 * i], image[3 * i + 1], image[3 * i + 2]) = (Encode(x), Encode(y), 100);
                (neighbour[3 * i], neighbour[3 * i + 1], neighbour[3 * i + 2]) = (Encode(x - Dx), Encode(y - Dy), 100);
                label[i] = (byte)x;
                instances[i] = 1000 * y + x;
            }
        }
        var flow = new float[2 * H * W];
        Array.Fill(flow, Dx, 0, H * W);
        Array.Fill(flow, Dy, H * W, H * W);
        var frame = new ClipFrame(-1, tensor(neighbour, [H, W, 3])) { Flow = tensor(flow, [2, H, W]), FlowValid = ones([H, W], ScalarType.Byte) };
        return DataFixtures.Clip(image, label, H, W, [frame]) with
        {
            Instances = tensor(instances, [H, W]),
            Clicks = [new PointLabel(3, 4, 3), new PointLabel(30, 20, 30), new PointLabel(52, 37, 52), new PointLabel(12, 33, 12)],
        };
    }

    public static TheoryData<AugmentationParameters> Parameters => new()
    {
        new(H, W, 0, 0, H, W, false),           // identity
        new(H, W, 3, 7, 30, 40, true),          // crop + flip at scale 1 (exact)
        new(H, W, -4, -6, 48, 64, true),        // padding on every side at scale 1
        new(20, 28, -5, -10, 32, 48, true),     // scale 0.5 (area), padded
        new(60, 84, 9, 30, 32, 40, true),       // scale 1.5 (bilinear), cropped
        new(80, 112, 40, 3, 40, 56, false),     // scale 2
        new(31, 43, -1, 2, 32, 40, false),      // non-integer scale 0.77, padded rows
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public void Apply_KeepsImageLabelInstancesValidityClicksAndFlowAligned(AugmentationParameters p)
    {
        using var clip = CoordinateClip();
        using var output = ClipAugmentation.Apply(clip, p);
        CheckAlignment(clip, output, p);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Apply_RandomDraws_StayAligned(int seed)
    {
        var augmentation = new ClipAugmentation(new AugmentationSettings(CropHeight: 32, CropWidth: 48));
        using var clip = CoordinateClip();
        var p = augmentation.Sample(H, W, new Random(seed));
        Assert.InRange(p.ScaledHeight, H / 2, 2 * H);
        using var output = augmentation.Apply(clip, new Random(seed));
        Assert.Equal(new long[] { 32, 48, 3 }, output.Image.shape);
        CheckAlignment(clip, output, p);
    }

    [Fact]
    public void Sample_DrawsScaleInRangeAndFlipsAboutHalfTheTime()
    {
        var augmentation = new ClipAugmentation(new AugmentationSettings(CropHeight: 20, CropWidth: 20));
        var random = new Random(3);
        var draws = Enumerable.Range(0, 2000).Select(_ => augmentation.Sample(100, 100, random)).ToArray();
        Assert.All(draws, d => Assert.InRange(d.ScaledWidth, 50, 200));
        Assert.InRange(draws.Count(d => d.Flip), 900, 1100);
        Assert.InRange(draws.Min(d => d.ScaledWidth), 50, 55);
        Assert.InRange(draws.Max(d => d.ScaledWidth), 195, 200);
        Assert.All(draws, d => Assert.InRange(d.OffsetX, 0, d.ScaledWidth - 20));
    }

    [Fact]
    public void Sample_SmallerThanCrop_PlacesTheFrameInsideTheWindow()
    {
        var augmentation = new ClipAugmentation(new AugmentationSettings(1, 1, 30, 50, 0));
        var random = new Random(1);
        for (var i = 0; i < 100; i++)
        {
            var p = augmentation.Sample(10, 20, random);
            Assert.InRange(p.OffsetY, -20, 0);
            Assert.InRange(p.OffsetX, -30, 0);
        }
    }

    [Fact]
    public void Apply_ClicksOnBlocks_LandOnTheirClass()
    {
        // 8×8 blocks of classes 0..34 (label = block index); a click at the centre of every block.
        const int h = 40, w = 56;
        var label = new byte[h * w];
        var clicks = new List<PointLabel>();
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                label[y * w + x] = (byte)(y / 8 * 7 + x / 8);
            }
        }
        for (var by = 0; by < 5; by++)
        {
            for (var bx = 0; bx < 7; bx++)
            {
                clicks.Add(new PointLabel(bx * 8 + 3.5, by * 8 + 3.5, by * 7 + bx));
            }
        }
        var augmentation = new ClipAugmentation(new AugmentationSettings(CropHeight: 36, CropWidth: 36));
        for (var seed = 0; seed < 10; seed++)
        {
            using var clip = DataFixtures.Clip(new byte[h * w * 3], label, h, w) with { Clicks = clicks };
            using var output = augmentation.Apply(clip, new Random(seed));
            using var map = output.ClickMap();
            var labels = output.Label.data<byte>().ToArray();
            var mapped = map.data<byte>().ToArray();
            Assert.NotEmpty(output.Clicks);
            Assert.True(output.Clicks.Count <= clicks.Count);
            Assert.Equal(output.Clicks.Count, mapped.Count(v => v != 255));
            for (var i = 0; i < mapped.Length; i++)
            {
                if (mapped[i] != 255)
                {
                    Assert.Equal(labels[i], mapped[i]);
                }
            }
        }
    }

    [Fact]
    public void Apply_LeavesTheInputUntouched_AndOwnsItsTensors()
    {
        using var clip = CoordinateClip();
        var before = clip.Image.data<byte>().ToArray();
        var output = ClipAugmentation.Apply(clip, new AugmentationParameters(H, W, 0, 0, H, W, false));
        output.Dispose();
        Assert.Equal(before, clip.Image.data<byte>().ToArray());
        Assert.False(clip.Image.IsInvalid); // TorchSharp: a disposed tensor's handle is zero
    }

    private static void CheckAlignment(Clip input, Clip output, AugmentationParameters p)
    {
        var (ch, cw) = (p.CropHeight, p.CropWidth);
        Assert.Equal(new long[] { ch, cw, 3 }, output.Image.shape);
        Assert.Equal(new long[] { ch, cw }, output.Label.shape);
        Assert.Equal(new long[] { 2, ch, cw }, output.Neighbours[0].Flow!.shape);
        var exact = p.ScaledHeight == H && p.ScaledWidth == W;
        var tolerance = exact ? 0.0 : 1.0;
        var image = output.Image.data<byte>().ToArray();
        var neighbour = output.Neighbours[0].Image.data<byte>().ToArray();
        var label = output.Label.data<byte>().ToArray();
        var valid = output.Valid.data<byte>().ToArray();
        var instances = output.Instances!.data<int>().ToArray();
        var flow = output.Neighbours[0].Flow!.data<float>().ToArray();
        var flowValid = output.Neighbours[0].FlowValid!.data<byte>().ToArray();
        var (sx, sy) = ((double)p.ScaledWidth / W, (double)p.ScaledHeight / H);
        var realPixels = 0;
        for (var y = 0; y < ch; y++)
        {
            for (var x = 0; x < cw; x++)
            {
                var i = y * cw + x;
                // Where this output pixel comes from in the original frame (inverse of the documented mapping).
                var column = (p.Flip ? cw - 1 - x : x) + p.OffsetX;
                var row = y + p.OffsetY;
                var inside = column >= 0 && row >= 0 && column < p.ScaledWidth && row < p.ScaledHeight;
                Assert.Equal(inside ? 1 : 0, valid[i]);
                Assert.Equal(valid[i], flowValid[i]);
                if (!inside)
                {
                    Assert.Equal((0, 0, 0), (image[3 * i], image[3 * i + 1], image[3 * i + 2]));
                    Assert.Equal(255, label[i]);
                    Assert.Equal(0, instances[i]);
                    Assert.Equal((0f, 0f), (flow[i], flow[ch * cw + i]));
                    continue;
                }
                realPixels++;
                var (ox, oy) = ((column + 0.5) / sx - 0.5, (row + 0.5) / sy - 0.5);
                var (ix, iy) = (Decode(image[3 * i]), Decode(image[3 * i + 1]));
                Assert.Equal(100, image[3 * i + 2]);
                Assert.True(Math.Abs(ix - Math.Clamp(ox, 0, W - 1)) <= tolerance + 0.26, $"image x {ix} vs {ox} at ({x},{y})");
                Assert.True(Math.Abs(iy - Math.Clamp(oy, 0, H - 1)) <= tolerance + 0.26, $"image y {iy} vs {oy} at ({x},{y})");
                // label (nearest) and image agree; instances (nearest) agree with both.
                Assert.True(Math.Abs(label[i] - ix) <= tolerance + 0.26, $"label {label[i]} vs image x {ix} at ({x},{y})");
                Assert.Equal(label[i], instances[i] % 1000);
                Assert.True(Math.Abs(instances[i] / 1000 - iy) <= tolerance + 0.26, $"instance y {instances[i] / 1000} vs image y {iy}");
                // The transformed flow still carries this target pixel to the same scene point in the transformed neighbour.
                var (u, v) = (flow[i], flow[ch * cw + i]);
                Assert.Equal(Dx * sx * (p.Flip ? -1 : 1), u, 4);
                Assert.Equal(Dy * sy, v, 4);
                var (tx, ty) = (x + u, y + v);
                if (InsideReal(tx, ty, valid, ch, cw) && ox is > 1 and < W - 2 && oy is > 1 and < H - 2)
                {
                    var nx = Decode(Bilinear(neighbour, ch, cw, tx, ty, 0));
                    var ny = Decode(Bilinear(neighbour, ch, cw, tx, ty, 1));
                    Assert.True(Math.Abs(nx - ix) <= tolerance + 0.5 && Math.Abs(ny - iy) <= tolerance + 0.5,
                        $"flow at ({x},{y}) lands on neighbour coords ({nx:F2},{ny:F2}), target shows ({ix:F2},{iy:F2})");
                }
            }
        }
        Assert.True(realPixels > 0);
        // Clicks: moved as points, kept only on real pixels, and on the label pixel of their class (label = x).
        foreach (var click in output.Clicks)
        {
            var (px, py) = ((int)Math.Round(click.X, MidpointRounding.AwayFromZero), (int)Math.Round(click.Y, MidpointRounding.AwayFromZero));
            Assert.Equal(1, valid[py * cw + px]);
            Assert.True(Math.Abs(label[py * cw + px] - click.ClassId) <= (exact ? 0 : 1), $"click of class {click.ClassId} on label {label[py * cw + px]}");
        }
        var expectedKept = input.Clicks.Count(c =>
        {
            var (tx, ty) = p.Transform(c.X, c.Y, H, W);
            var (rx, ry) = ((int)Math.Round(tx, MidpointRounding.AwayFromZero), (int)Math.Round(ty, MidpointRounding.AwayFromZero));
            return rx >= 0 && ry >= 0 && rx < cw && ry < ch && valid[ry * cw + rx] == 1;
        });
        Assert.Equal(expectedKept, output.Clicks.Count);
    }

    private static bool InsideReal(double x, double y, byte[] valid, int h, int w)
    {
        var (x0, y0) = ((int)Math.Floor(x), (int)Math.Floor(y));
        if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h)
        {
            return false;
        }
        return valid[y0 * w + x0] == 1 && valid[y0 * w + x0 + 1] == 1 && valid[(y0 + 1) * w + x0] == 1 && valid[(y0 + 1) * w + x0 + 1] == 1;
    }

    private static double Bilinear(byte[] image, int h, int w, double x, double y, int channel)
    {
        var (x0, y0) = ((int)Math.Floor(x), (int)Math.Floor(y));
        var (fx, fy) = (x - x0, y - y0);
        double At(int xx, int yy) => image[(yy * w + xx) * 3 + channel];
        return (1 - fy) * ((1 - fx) * At(x0, y0) + fx * At(x0 + 1, y0)) + fy * ((1 - fx) * At(x0, y0 + 1) + fx * At(x0 + 1, y0 + 1));
    }
}
