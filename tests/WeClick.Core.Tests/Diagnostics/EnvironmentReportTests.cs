using WeClick.Diagnostics;

namespace WeClick.Core.Tests.Diagnostics;

public class EnvironmentReportTests
{
    [Fact]
    public void Collect_ReportsTheEngineAndAMeasuredThroughput()
    {
        var report = EnvironmentReport.Collect(TimeSpan.FromMilliseconds(200));
        Assert.StartsWith("1.13", report.LibTorchVersion);
        Assert.StartsWith("4.6", report.OpenCvVersion);
        Assert.Equal(get_num_threads(), report.Threads);
        Assert.Equal(cuda.is_available(), report.CudaAvailable);
        Assert.Contains("mmap threshold 32 MiB", report.MallocPolicy);
        Assert.Equal("cpu", report.Conv2d.Device);
        Assert.True(report.Conv2d.Calls >= 3);
        // GFLOP/s = 2·MACs / median time: check the arithmetic, not the machine's speed.
        Assert.Equal(2 * ConvThroughput.MultiplyAccumulates / (report.Conv2d.MedianMilliseconds * 1e6), report.Conv2d.Gflops, 6);
    }
}
