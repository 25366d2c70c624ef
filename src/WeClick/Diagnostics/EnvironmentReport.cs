using System.Runtime.InteropServices;
using WeClick.Torch;

namespace WeClick.Diagnostics;

/// <summary>
/// What the engine runs on: library versions, threads, CPU capability, CUDA, and a measured conv2d
/// throughput. Printed by <c>weclick env</c> and shown in the first notebook.
/// </summary>
/// <param name="LibTorchVersion">libtorch's version as the library reports it.</param>
/// <param name="OpenCvVersion">OpenCV's version.</param>
/// <param name="DotNetVersion">The .NET runtime.</param>
/// <param name="OperatingSystem">OS description.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="LogicalCores">Cores the OS reports.</param>
/// <param name="CpuCapability">SIMD level of libtorch's CPU kernels (AVX2, AVX512, DEFAULT).</param>
/// <param name="CudaAvailable">Whether this libtorch has CUDA and sees a GPU.</param>
/// <param name="CudaDevices">Number of visible GPUs.</param>
/// <param name="ParallelBackend">libtorch's parallel backend (OpenMP, native).</param>
/// <param name="MallocPolicy">How glibc malloc is tuned for tensors (environment.md, "Speed").</param>
/// <param name="Conv2d">The measured conv2d throughput.</param>
public sealed record EnvironmentReport(
    string LibTorchVersion,
    string OpenCvVersion,
    string DotNetVersion,
    string OperatingSystem,
    int Threads,
    int LogicalCores,
    string CpuCapability,
    bool CudaAvailable,
    int CudaDevices,
    string ParallelBackend,
    string MallocPolicy,
    ConvThroughput Conv2d)
{
    /// <summary>Collects the report, measuring conv2d throughput for about <paramref name="measureFor"/>.</summary>
    /// <param name="measureFor">How long to run the throughput loop (the figure is the median over its calls).</param>
    /// <param name="device">Where to measure (default: CPU).</param>
    public static EnvironmentReport Collect(TimeSpan measureFor, Device? device = null)
    {
        var parallel = torch.__config__.parallel_info();
        var backend = parallel.Split('\n').FirstOrDefault(l => l.StartsWith("ATen parallel backend:", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown";
        return new EnvironmentReport(
            torch.__version__,
            torch.opencv_version(),
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            torch.get_num_threads(),
            Environment.ProcessorCount,
            torch.__config__.cpu_capability(),
            torch.cuda.is_available(),
            torch.cuda.device_count(),
            backend,
            torch.__config__.malloc_policy(),
            ConvThroughput.Measure(measureFor, device ?? torch.CPU));
    }
}
