using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Tests;

/// <summary>Wrong shapes, wrong dtypes and bad arguments give exceptions with libtorch's message, never a crash.</summary>
public class BadInputTests
{
    [Fact]
    public void Matmul_ThrowsForMixedDtypes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => ones(2, 2).matmul(ones([2, 2], ScalarType.Float64)));
        Assert.Equal("matmul", e.Operation);
        Assert.Contains("Double", e.Message);
    }

    [Fact]
    public void Conv2d_ThrowsForAnIntegerInput()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => F.conv2d(ones([1, 1, 4, 4], ScalarType.Int64), ones(1, 1, 3, 3)));
        Assert.NotEmpty(e.NativeMessage);
    }

    [Fact]
    public void CrossEntropy_ThrowsForFloatClassIndicesOfTheWrongShape()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<TorchException>(() => F.cross_entropy(randn(2, 3), randn(5)));
    }

    [Fact]
    public void View_ThrowsForAnIncompatibleShape_WithTheSizes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => zeros(2, 3).view(4, 2));
        Assert.Contains("[4, 2]", e.Message);
    }

    [Fact]
    public void Item_ThrowsForAManyElementTensor()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<TorchException>(() => zeros(3).item<float>());
    }

    [Fact]
    public void SetNumThreads_RejectsZero()
    {
        var e = Assert.Throws<TorchException>(() => set_num_threads(0));
        Assert.Contains("threads must be >= 1", e.Message);
    }

    [Fact]
    public void Cuda_IsReportedAsUnavailableOnACpuBuild_AndMovingThereFailsCleanly()
    {
        if (cuda.is_available())
        {
            return; // a CUDA build: covered by the device tests that run there
        }
        Assert.Equal(0, cuda.device_count());
        using var scope = NewDisposeScope();
        Assert.Throws<TorchException>(() => ones(2).cuda());
    }

    [Fact]
    public void Device_ParseRejectsUnknownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => Device.Parse("tpu"));
        Assert.Contains("'tpu'", e.Message);
        Assert.Equal(new Device(DeviceType.CUDA, 1), Device.Parse("cuda:1"));
    }
}
