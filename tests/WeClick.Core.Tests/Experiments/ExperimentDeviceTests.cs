using WeClick.Experiments;

namespace WeClick.Core.Tests.Experiments;

public sealed class ExperimentDeviceTests
{
    [Fact]
    public void ConfigureEngine_ZeroThreads_MeansEveryCore_AndAPositiveCountIsKept()
    {
        var before = get_num_threads();
        try
        {
            Assert.Equal(Environment.ProcessorCount, ExperimentDevice.ConfigureEngine(new ExperimentConfig { Threads = 0 }));
            Assert.Equal(Environment.ProcessorCount, get_num_threads());
            Assert.Equal(1, ExperimentDevice.ConfigureEngine(new ExperimentConfig { Threads = 1 }));
            Assert.Equal(1, get_num_threads());
        }
        finally
        {
            set_num_threads(before); // other tests compare with python3-torch at the thread count they found
        }
    }

    [Fact]
    public void ParseDevice_NamesCpuAndCuda_AndRejectsOthersWithWhatToDo()
    {
        Assert.Equal(DeviceType.CPU, ExperimentDevice.ParseDevice("cpu").type);
        var e = Assert.Throws<ArgumentException>(() => ExperimentDevice.ParseDevice("gpu"));
        Assert.Contains("'gpu' is not cpu, cuda or cuda:N", e.Message);
        if (cuda.is_available())
        {
            var device = ExperimentDevice.ParseDevice("cuda:0");
            Assert.Equal((DeviceType.CUDA, 0), (device.type, device.index));
        }
        else
        {
            var missing = Assert.Throws<ArgumentException>(() => ExperimentDevice.ParseDevice("cuda"));
            Assert.Contains("CUDA is not available", missing.Message);
            Assert.Contains("--set device=cpu", missing.Message);
        }
    }
}
