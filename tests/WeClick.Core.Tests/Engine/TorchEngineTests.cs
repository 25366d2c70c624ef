using WeClick.Engine;

namespace WeClick.Core.Tests.Engine;

/// <summary><see cref="TorchEngine"/>: threads, malloc thresholds, and what <see cref="TorchEngine.Describe"/> reports.</summary>
public class TorchEngineTests
{
    [Fact]
    public void Configure_SetsThreadsWithZeroMeaningAllCores()
    {
        var before = get_num_threads();
        try
        {
            Assert.Equal(1, TorchEngine.Configure(1));
            Assert.Equal(1, get_num_threads());
            Assert.Equal(Environment.ProcessorCount, TorchEngine.Configure(0));
            Assert.Equal(Environment.ProcessorCount, get_num_threads());
            Assert.Throws<ArgumentOutOfRangeException>(() => TorchEngine.Configure(-1));
        }
        finally
        {
            set_num_threads(before);
        }
    }

    [Fact]
    public void Configure_SetsTheMallocThresholdsUnlessTold()
    {
        var before = get_num_threads();
        TorchEngine.Configure(before);
        if (Environment.GetEnvironmentVariable(TorchEngine.MallocDefaultsVariable) == "1")
        {
            Assert.False(TorchEngine.MallocThresholdsSet);
            Assert.Contains("glibc's default thresholds (WECLICK_MALLOC_DEFAULTS=1)", TorchEngine.MallocPolicy());
            return;
        }
        Assert.True(TorchEngine.MallocThresholdsSet, "mallopt refused the thresholds (is this glibc?)");
        Assert.StartsWith("mmap threshold 32 MiB, trim threshold 64 MiB; MALLOC_ARENA_MAX", TorchEngine.MallocPolicy());
    }

    [Fact]
    public void Describe_ReportsVersionsBackendThreadsAndCapability()
    {
        var info = TorchEngine.Describe();
        Assert.StartsWith("0.107.", info.TorchSharpVersion);
        Assert.StartsWith("2.10.", info.LibTorchVersion);
        Assert.Equal(cuda.is_available() ? "cuda" : "cpu", info.Backend);
        Assert.Equal(get_num_threads(), info.Threads);
        Assert.Equal(cuda.is_available() ? cuda.device_count() : 0, info.CudaDevices);
        Assert.Contains(info.CpuCapability, new[] { "AVX512", "AVX2", "NO AVX", "DEFAULT" });
        // The compatibility step is in effect exactly where the build applied it: the output folder then holds the
        // no-op library, and the loader maps it with libLibTorchSharp.so.
        var shim = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libweclick_iosinit.so");
        Assert.Equal(File.Exists(shim), info.CompatibilityStepInEffect);
    }

    [Fact]
    public void OnAmdCpus_OneDnnIsLimited_UnlessTheConvolutionGuardLiftedTheLimit()
    {
        _ = get_num_threads(); // binds TorchSharp's imports, which installs the guards
        var amd = File.ReadLines("/proc/cpuinfo").Any(l => l.StartsWith("vendor_id", StringComparison.Ordinal) && l.Contains("AuthenticAMD", StringComparison.Ordinal));
        var result = TorchEngine.ApplyOneDnnWorkaround(); // already applied by the module initializer: idempotent
        if (Environment.GetEnvironmentVariable(TorchEngine.OneDnnDefaultsVariable) == "1" && result is null)
        {
            Assert.Equal("oneDNN's default", TorchEngine.Describe().OneDnnIsa);
            return;
        }
        if (amd && ConvolutionChannelGuard.IsEnabled)
        {
            Assert.Null(result);
            Assert.True(TorchEngine.OneDnnLimitLifted);
            Assert.Null(Environment.GetEnvironmentVariable(TorchEngine.OneDnnIsaVariable));
            Assert.StartsWith("oneDNN's default (the convolution channel guard", TorchEngine.Describe().OneDnnIsa);
        }
        else if (amd)
        {
            Assert.NotNull(result);
            Assert.Equal(result, Environment.GetEnvironmentVariable(TorchEngine.OneDnnIsaVariable));
            Assert.Equal($"DNNL_MAX_CPU_ISA={result}", TorchEngine.Describe().OneDnnIsa);
        }
        else
        {
            Assert.Equal(Environment.GetEnvironmentVariable(TorchEngine.OneDnnIsaVariable), result);
        }
    }

    [Fact]
    public void CpuCapability_FromLibTorchAgreesWithTheDerivation()
    {
        _ = get_num_threads(); // loads libtorch
        var fromLibTorch = CpuCapability.AskLibTorch();
        Assert.NotNull(fromLibTorch); // TorchSharp-cpu on Linux x64 exports at::get_cpu_capability
        Assert.Equal(CpuCapability.Derive(), fromLibTorch);
        Assert.Equal((fromLibTorch, CpuCapability.FromLibTorch), CpuCapability.Detect());
    }
}
