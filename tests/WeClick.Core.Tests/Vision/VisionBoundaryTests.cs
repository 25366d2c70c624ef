using WeClick.Vision;

namespace WeClick.Core.Tests.Vision;

/// <summary>
/// What crosses the native boundary: tensors reach OpenCV as plain buffers, so views are copied to contiguous memory,
/// unsupported tensors are refused in managed code with the reason, and results come back in the documented layout.
/// </summary>
public class VisionBoundaryTests
{
    [Fact]
    public void NonContiguousInputs_AreCopied_AndGiveTheSameResultAsContiguousOnes()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var chw = randint(0, 256, new long[] { 3, 12, 16 }, dtype: ScalarType.Byte);
        var hwc = chw.permute(1, 2, 0);                       // a view with channels-first strides
        Assert.False(hwc.is_contiguous());
        var contiguous = hwc.contiguous();
        TensorAssert.Equal(Image.GaussianBlur(contiguous, 3, 1.0), Image.GaussianBlur(hwc, 3, 1.0));
        TensorAssert.Equal(Image.Resize(contiguous, 6, 8, Interpolation.Area), Image.Resize(hwc, 6, 8, Interpolation.Area));
        Assert.Equal(Image.EncodePng(contiguous), Image.EncodePng(hwc));
        var slice = contiguous.narrow(1, 4, 8);               // rows with a gap between them
        TensorAssert.Equal(Image.ConvertColor(slice.contiguous(), ColorConversion.RgbToGray), Image.ConvertColor(slice, ColorConversion.RgbToGray));
    }

    [Fact]
    public void UnsupportedTensors_AreRefusedWithTheReason()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => Image.GaussianBlur(zeros(new long[] { 4, 4 }, ScalarType.Int64), 3, 1.0));
        Assert.Contains("Int64", e.Message);
        e = Assert.Throws<ArgumentException>(() => Image.EncodePng(zeros(new long[] { 1, 4, 4, 3 }, ScalarType.Byte)));
        Assert.Contains("4 dimensions", e.Message);
        var many = Assert.Throws<OpenCvException>(() => Image.GaussianBlur(zeros(new long[] { 4, 4, 5 }, ScalarType.Byte), 3, 1.0));
        Assert.Contains("1 to 4 channels", many.Message);
    }

    [Fact]
    public void Draw_RefusesAViewItCouldNotChangeInPlace()
    {
        using var scope = NewDisposeScope();
        var image = zeros(new long[] { 3, 10, 10 }, ScalarType.Byte).permute(1, 2, 0);
        var e = Assert.Throws<ArgumentException>(() => Draw.Line(image, 0, 0, 9, 9, [1, 1, 1]));
        Assert.Contains("contiguous", e.Message);
        Assert.Equal(0, image.sum().item<long>());
        var grey = zeros(new long[] { 10, 10 }, ScalarType.Float32);
        Assert.Contains("uint8", Assert.Throws<OpenCvException>(() => Draw.Line(grey, 0, 0, 9, 9, [1])).Message);
    }

    [Fact]
    public void OpticalFlow_IsPlanarUThenV_OnTheTargetGrid()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        // A smooth texture; the neighbour is the target moved 3 px right and 2 px down, so target(p) = neighbour(p + (3, 2)).
        var texture = Image.GaussianBlur(randint(0, 256, new long[] { 100, 120, 3 }, dtype: ScalarType.Byte), 7, 2.0);
        var target = texture.narrow(0, 10, 80).narrow(1, 10, 100);
        var neighbour = texture.narrow(0, 8, 80).narrow(1, 7, 100);
        foreach (var flow in new[] { OpticalFlow.Dis(target, neighbour), OpticalFlow.Farneback(target, neighbour) })
        {
            Assert.Equal(new long[] { 2, 80, 100 }, flow.shape);
            Assert.Equal(ScalarType.Float32, flow.dtype);
            var interior = flow.narrow(1, 15, 50).narrow(2, 15, 70);
            Assert.InRange(interior[0].median().item<float>(), 2.5, 3.5);  // u: +3 px (x)
            Assert.InRange(interior[1].median().item<float>(), 1.5, 2.5);  // v: +2 px (y)
        }
        var e = Assert.Throws<OpenCvException>(() => OpticalFlow.Dis(target, neighbour.narrow(0, 0, 40)));
        Assert.Contains("differ in size", e.Message);
    }
}
