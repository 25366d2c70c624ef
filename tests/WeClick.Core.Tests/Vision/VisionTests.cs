using WeClick.Vision;

namespace WeClick.Core.Tests.Vision;

public sealed class VisionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-vision-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static Dictionary<string, Tensor> DecodeWithPillow(params string[] files)
    {
        var output = Directory.CreateTempSubdirectory("weclick-pil-").FullName;
        try
        {
            PyTorchReference.Run("images.py", [output, .. files]);
            return ReferenceData.Load(output);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void WriteThenRead_RoundTripsColourLabelsAnd16Bit_AndPillowDecodesTheSame()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var colour = randint(0, 256, new long[] { 20, 30, 3 }, dtype: ScalarType.Byte);
        var label = randint(0, 12, new long[] { 20, 30 }, dtype: ScalarType.Byte);
        var instances = randint(0, 60000, new long[] { 20, 30 }, dtype: ScalarType.Int32);
        Image.Write(PathOf("colour.png"), colour);
        Image.Write(PathOf("label.png"), label);
        Image.Write(PathOf("instances.png"), instances);

        TensorAssert.Equal(colour, Image.Read(PathOf("colour.png")));
        TensorAssert.Equal(label, Image.ReadLabel(PathOf("label.png")));
        TensorAssert.Equal(instances, Image.ReadLabel(PathOf("instances.png")));

        var pillow = DecodeWithPillow(PathOf("colour.png"), PathOf("label.png"), PathOf("instances.png"));
        TensorAssert.Equal(colour, pillow["0"]);      // RGB order on both sides
        TensorAssert.Equal(label, pillow["1"]);
        TensorAssert.Equal(instances, pillow["2"]);
    }

    [CamVidFact]
    public void Read_RealCamVidFrameAndLabel_AgreeWithPillow()
    {
        using var scope = NewDisposeScope();
        var frame = Directory.GetFiles(Path.Combine(SharedData.CamVid, "val"), "*.png").Order().First();
        var label = Path.Combine(SharedData.CamVid, "valannot", Path.GetFileName(frame));
        var image = Image.Read(frame);
        var classes = Image.ReadLabel(label);
        Assert.Equal(new long[] { 360, 480, 3 }, image.shape);
        Assert.Equal(new long[] { 360, 480 }, classes.shape);
        Assert.True(classes.max().item<byte>() <= 11);
        var pillow = DecodeWithPillow(frame, label);
        TensorAssert.Equal(pillow["0"], image);
        TensorAssert.Equal(pillow["1"], classes);
    }

    [Fact]
    public void Resize_AreaShrinkIsTheBlockMean_AndBilinearMatchesTorchInterpolate()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var image = rand(16, 24, 3);
        var area = Image.Resize(image, 8, 12, Interpolation.Area);
        var blockMean = nn.functional.avg_pool2d(image.permute(2, 0, 1).unsqueeze(0), kernel_size: [2, 2], stride: [2, 2])
            .squeeze(0).permute(1, 2, 0);
        TensorAssert.Close(blockMean, area, rtol: 1e-5, atol: 1e-6);

        var enlarged = Image.Resize(image, 40, 60, Interpolation.Bilinear);
        var torchBilinear = nn.functional.interpolate(image.permute(2, 0, 1).unsqueeze(0), size: [40, 60], mode: InterpolationMode.Bilinear,
            align_corners: false).squeeze(0).permute(1, 2, 0);
        TensorAssert.Close(torchBilinear, enlarged, rtol: 1e-4, atol: 1e-4);
    }

    [Fact]
    public void Resize_NearestKeepsOnlyExistingLabels()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new int[] { 3, 3, 7, 7, 3, 3, 7, 7, 255, 255, 1, 1, 255, 255, 1, 1 }, new long[] { 4, 4 });
        var up = Image.Resize(labels, 8, 8, Interpolation.Nearest);
        Assert.Equal(ScalarType.Int32, up.dtype);
        Assert.Equal(new[] { 1, 3, 7, 255 }, up.data<int>().ToArray().Distinct().Order().ToArray());
        Assert.Equal(16, up.eq(255).sum().item<long>());
        var e = Assert.Throws<OpenCvException>(() => Image.Resize(labels, 8, 8, Interpolation.Bilinear));
        Assert.Contains("nearest", e.Message);
    }

    [Fact]
    public void ConnectedComponents_UseEightConnectivityAndReportStatistics()
    {
        using var scope = NewDisposeScope();
        // Two 2×2 squares touching only at a corner, and a separate 1×3 bar.
        var mask = tensor(new byte[]
        {
            1, 1, 0, 0, 0, 0,
            1, 1, 0, 0, 0, 0,
            0, 0, 1, 1, 0, 0,
            0, 0, 1, 1, 0, 0,
            0, 0, 0, 0, 0, 0,
            0, 0, 0, 1, 1, 1,
        }, new long[] { 6, 6 });
        using var eight = Image.FindConnectedComponents(mask, 8);
        Assert.Equal(2, eight.Count);
        var diagonal = eight.Components[1];
        Assert.Equal((0, 0, 4, 4, 8), (diagonal.Left, diagonal.Top, diagonal.Width, diagonal.Height, diagonal.Area));
        Assert.Equal(1.5, diagonal.CentroidX, 6);
        Assert.Equal(1.5, diagonal.CentroidY, 6);
        var bar = eight.Components[2];
        Assert.Equal((3, 5, 3, 1, 3), (bar.Left, bar.Top, bar.Width, bar.Height, bar.Area));
        Assert.Equal(4.0, bar.CentroidX, 6);
        using var four = Image.FindConnectedComponents(mask, 4);
        Assert.Equal(3, four.Count);
        Assert.Equal(ScalarType.Int32, eight.Labels.dtype);
        Assert.Equal(0, eight.Labels.narrow(0, 4, 1).sum().item<long>()); // background row
        Assert.Equal(2, eight.Labels[5, 4].item<int>());                   // the bar is component 2
    }

    [Fact]
    public void Draw_FillsExactLabelPixels_AndColours()
    {
        using var scope = NewDisposeScope();
        var label = zeros(new long[] { 20, 30 }, ScalarType.Byte);
        Draw.FillPolygon(label, [(2, 3), (11, 3), (11, 8), (2, 8)], [5]);
        Assert.Equal(10 * 6, label.eq(5).sum().item<long>());            // inclusive corners: 10 × 6 pixels
        Draw.Ellipse(label, 20, 10, 6, 4, 0, [9]);
        var ellipse = label.eq(9).sum().item<long>();
        Assert.InRange(ellipse, (long)(Math.PI * 6 * 4 * 0.9), (long)(Math.PI * 7 * 5 * 1.1));
        Draw.Line(label, 0, 19, 29, 19, [2]);
        Assert.Equal(30, label.eq(2).sum().item<long>());
        Assert.Equal(new byte[] { 0, 2, 5, 9 }, label.data<byte>().ToArray().Distinct().Order().ToArray()); // no blended values

        var rgb = zeros(new long[] { 10, 10, 3 }, ScalarType.Byte);
        Draw.FillPolygon(rgb, [(0, 0), (9, 0), (9, 9), (0, 9)], [255, 0, 0]);
        Assert.Equal(new byte[] { 255, 0, 0 }, rgb.narrow(0, 5, 1).narrow(1, 5, 1).reshape(-1).data<byte>().ToArray());
        Assert.Equal(76, Image.ConvertColor(rgb, ColorConversion.RgbToGray).narrow(0, 0, 1).narrow(1, 0, 1).item<byte>()); // 0.299·255
    }

    [Fact]
    public void GaussianBlur_KeepsAConstantImage()
    {
        using var scope = NewDisposeScope();
        var flat = full(new long[] { 9, 9, 3 }, 100, dtype: ScalarType.Byte);
        TensorAssert.Equal(flat, Image.GaussianBlur(flat, 5, 1.5));
        Assert.Throws<OpenCvException>(() => Image.GaussianBlur(flat, 4, 1.0));
    }

    [Fact]
    public void AddGaussianNoise_IsSeeded_HasTheRequestedSpread_AndSaturates()
    {
        using var scope = NewDisposeScope();
        var grey = full(new long[] { 200, 200 }, 128.0f);
        var a = Image.AddGaussianNoise(grey, 5, seed: 1);
        TensorAssert.Equal(a, Image.AddGaussianNoise(grey, 5, seed: 1));
        Assert.False(a.eq(Image.AddGaussianNoise(grey, 5, seed: 2)).all().item<bool>());
        var deviation = a - grey;
        Assert.InRange(deviation.mean().item<float>(), -0.1, 0.1);
        Assert.InRange(deviation.std(unbiased: true).item<float>(), 4.9, 5.1);
        var bright = full(new long[] { 50, 50, 3 }, 250, dtype: ScalarType.Byte);
        var noisy = Image.AddGaussianNoise(bright, 20, seed: 3);
        Assert.Equal(255, noisy.max().item<byte>());                 // saturated, not wrapped around
        Assert.True(noisy.min().item<byte>() > 150);
    }

    [Fact]
    public void Video_WrittenFramesReadBack()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("clip.avi");
        var frames = Enumerable.Range(0, 6).Select(i => full(new long[] { 48, 64, 3 }, 40 * i, dtype: ScalarType.Byte)).ToArray();
        using (var writer = new VideoWriter(path, 15, 64, 48))
        {
            foreach (var f in frames)
            {
                writer.Write(f);
            }
        }
        using var reader = new VideoReader(path);
        Assert.Equal(15, reader.FramesPerSecond, 3);
        Assert.Equal((64L, 48L), (reader.Width, reader.Height));
        var read = reader.Frames().ToList();
        Assert.Equal(6, read.Count);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(new long[] { 48, 64, 3 }, read[i].shape);
            var difference = (read[i].@float() - frames[i].@float()).abs().mean().item<float>();
            Assert.True(difference < 4, $"frame {i} differs by {difference} on average (MJPEG is lossy, but not that lossy)");
        }
    }

    [Fact]
    public void Read_MissingFile_NamesIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Image.Read(PathOf("nope.png")));
        Assert.Contains("nope.png", e.Message);
        Assert.Throws<FileNotFoundException>(() => new VideoReader(PathOf("nope.avi")));
    }

    [Fact]
    public void Read_NotAnImage_OrTruncated_NamesTheFile()
    {
        using var scope = NewDisposeScope();
        File.WriteAllText(PathOf("text.png"), "not an image");
        var e = Assert.Throws<InvalidDataException>(() => Image.Read(PathOf("text.png")));
        Assert.Contains("text.png", e.Message);

        Image.Write(PathOf("whole.png"), randint(0, 256, new long[] { 64, 64, 3 }, dtype: ScalarType.Byte));
        var bytes = File.ReadAllBytes(PathOf("whole.png"));
        File.WriteAllBytes(PathOf("cut.png"), bytes[..(bytes.Length / 2)]);
        e = Assert.Throws<InvalidDataException>(() => Image.Read(PathOf("cut.png")));
        Assert.Contains("cut.png", e.Message);

        Image.Write(PathOf("whole.jpg"), randint(0, 256, new long[] { 64, 64, 3 }, dtype: ScalarType.Byte));
        bytes = File.ReadAllBytes(PathOf("whole.jpg"));
        File.WriteAllBytes(PathOf("cut.jpg"), bytes[..(bytes.Length / 2)]);
        e = Assert.Throws<InvalidDataException>(() => Image.Read(PathOf("cut.jpg")));
        Assert.Contains("cut.jpg", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void ReadLabel_RefusesAColourFile()
    {
        using var scope = NewDisposeScope();
        Image.Write(PathOf("colour.png"), zeros(new long[] { 4, 4, 3 }, ScalarType.Byte));
        var e = Assert.Throws<InvalidDataException>(() => Image.ReadLabel(PathOf("colour.png")));
        Assert.Contains("3 channels", e.Message);
    }

    [Fact]
    public void Write_ToAMissingFolder_OrOutOfRange16Bit_Fails()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<OpenCvException>(() => Image.Write(PathOf("missing/x.png"), zeros(new long[] { 2, 2 }, ScalarType.Byte)));
        Assert.Contains("x.png", e.Message);
        Assert.Equal("Write", e.Operation);
        e = Assert.Throws<OpenCvException>(() => Image.Write(PathOf("big.png"), full(new long[] { 2, 2 }, 70000, dtype: ScalarType.Int32)));
        Assert.Contains("[0, 65535]", e.Message);
    }
}
