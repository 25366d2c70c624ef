using WeClick.Diagnostics;
using WeClick.Engine;

namespace WeClick.Core.Tests.Diagnostics;

public class EnvironmentReportTests
{
    [Fact]
    public void Collect_ReportsTheEngineAndAMeasuredThroughput()
    {
        TorchEngine.Configure(get_num_threads()); // as every command does first: sets the malloc thresholds
        var report = EnvironmentReport.Collect(TimeSpan.FromMilliseconds(200));
        Assert.StartsWith("0.107.", report.Engine.TorchSharpVersion);
        Assert.StartsWith("2.10.", report.Engine.LibTorchVersion);
        Assert.StartsWith("4.6", report.OpenCvVersion);
        Assert.Equal(get_num_threads(), report.Engine.Threads);
        Assert.Equal(cuda.is_available() ? "cuda" : "cpu", report.Engine.Backend);
        if (Environment.GetEnvironmentVariable(TorchEngine.MallocDefaultsVariable) != "1")
        {
            Assert.Contains("mmap threshold 32 MiB", report.Engine.MallocPolicy);
        }
        Assert.Equal("cpu", report.Conv2d.Device);
        Assert.True(report.Conv2d.Calls >= 3);
        // GFLOP/s = 2·MACs / median time: check the arithmetic, not the machine's speed.
        Assert.Equal(2 * ConvThroughput.MultiplyAccumulates / (report.Conv2d.MedianMilliseconds * 1e6), report.Conv2d.Gflops, 6);
    }

    [Fact]
    public void Rows_ShowTheEngineRowsAndNoneOfTheOldBindings()
    {
        var report = EnvironmentReport.Collect(TimeSpan.FromMilliseconds(50));
        var rows = report.Rows().ToDictionary(r => r.What, r => r.Value);
        Assert.Equal(report.Engine.TorchSharpVersion, rows["TorchSharp"]);
        Assert.Equal(report.Engine.LibTorchVersion, rows["libtorch"]);
        Assert.StartsWith(report.Engine.CompatibilityStepInEffect ? "applied" : "not applied", rows["Debian 12 compatibility step"]);
        Assert.StartsWith(report.Engine.Backend, rows["backend"]);
        Assert.Equal($"{report.Engine.Threads} / {Environment.ProcessorCount}", rows["threads (libtorch / cores)"]);
        Assert.StartsWith(report.Engine.CpuCapability + " (", rows["CPU capability"]);
        Assert.Contains("GFLOP/s on cpu", rows["conv2d 3x3 64->64 on 4x64x96x96 (forward)"]);
        Assert.DoesNotContain("parallel backend", rows.Keys); // the old binding's parallel_info row
        Assert.DoesNotContain("CUDA", rows.Keys); // now part of "backend"
    }
}
