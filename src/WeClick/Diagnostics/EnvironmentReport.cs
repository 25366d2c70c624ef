using System.Globalization;
using System.Runtime.InteropServices;
using TorchSharp;
using WeClick.Engine;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Diagnostics;

/// <summary>
/// What the engine runs on: TorchSharp and libtorch versions, whether the Debian 12 compatibility step is in effect,
/// backend, threads, CPU capability, malloc, OpenCV, and a measured conv2d throughput. Printed by <c>weclick env</c>
/// (<see cref="Rows"/>) and shown in the first notebook.
/// </summary>
/// <param name="Engine">The tensor engine as <see cref="TorchEngine.Describe"/> reports it.</param>
/// <param name="OpenCvVersion">OpenCV's version (the native shim's).</param>
/// <param name="DotNetVersion">The .NET runtime.</param>
/// <param name="OperatingSystem">OS description.</param>
/// <param name="LogicalCores">Cores the OS reports.</param>
/// <param name="Conv2d">The measured conv2d throughput.</param>
public sealed record EnvironmentReport(
    TorchEngineInfo Engine,
    string OpenCvVersion,
    string DotNetVersion,
    string OperatingSystem,
    int LogicalCores,
    ConvThroughput Conv2d)
{
    /// <summary>Collects the report, measuring conv2d throughput for about <paramref name="measureFor"/>.</summary>
    /// <param name="measureFor">How long to run the throughput loop (the figure is the median over its calls).</param>
    /// <param name="device">Where to measure (default: CPU).</param>
    public static EnvironmentReport Collect(TimeSpan measureFor, Device? device = null) =>
        new(TorchEngine.Describe(),
            OpenCv.Version,
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            Environment.ProcessorCount,
            ConvThroughput.Measure(measureFor, device ?? torch.CPU));

    /// <summary>The report as (what, value) rows, in the order <c>weclick env</c> prints them.</summary>
    public IReadOnlyList<(string What, string Value)> Rows() =>
    [
        ("TorchSharp", Engine.TorchSharpVersion),
        ("libtorch", Engine.LibTorchVersion),
        ("Debian 12 compatibility step", Engine.CompatibilityStepInEffect
            ? "applied (libweclick_iosinit.so is loaded; environment.md, \"Debian 12\")"
            : "not applied (this libstdc++ needs none, or the build did not run it)"),
        ("backend", Engine.Backend == "cuda" ? $"cuda, {Engine.CudaDevices} device(s)" : "cpu"),
        ("threads (libtorch / cores)", string.Create(CultureInfo.InvariantCulture, $"{Engine.Threads} / {LogicalCores}")),
        ("CPU capability", $"{Engine.CpuCapability} ({Engine.CpuCapabilitySource})"),
        ("oneDNN kernels", Engine.OneDnnIsa),
        ("malloc", Engine.MallocPolicy),
        ("dispose guard", Engine.DisposeGuard),
        ("conv channel guard", Engine.ConvolutionGuard),
        ("OpenCV", OpenCvVersion),
        (".NET", DotNetVersion),
        ("OS", OperatingSystem),
        ("conv2d 3x3 64->64 on 4x64x96x96 (forward)", string.Create(CultureInfo.InvariantCulture,
            $"{Conv2d.Gflops:F1} GFLOP/s on {Conv2d.Device} (median {Conv2d.MedianMilliseconds:F1} ms over {Conv2d.Calls} calls)")),
    ];
}
