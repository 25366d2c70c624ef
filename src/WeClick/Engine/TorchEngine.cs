using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace WeClick.Engine;

/// <summary>
/// Process-wide engine settings: libtorch's threads and glibc malloc's thresholds (<see cref="Configure"/>), and a
/// description of the engine in effect (<see cref="Describe"/>, shown by <c>weclick env</c>).
/// </summary>
public static partial class TorchEngine
{
    /// <summary>glibc's mmap threshold while training: 32 MiB, where glibc's dynamic rule ends up in a Python process.</summary>
    public const long MmapThreshold = 32L << 20;

    /// <summary>glibc's trim threshold: 64 MiB (twice the mmap threshold, as glibc's dynamic rule sets it).</summary>
    public const long TrimThreshold = 64L << 20;

    /// <summary>Set to <c>1</c> to keep glibc's default malloc thresholds.</summary>
    public const string MallocDefaultsVariable = "WECLICK_MALLOC_DEFAULTS";

    private const string CompatibilityLibrary = "libweclick_iosinit.so";
    private static readonly Lock s_lock = new();

    /// <summary>True once <see cref="Configure"/> has set the malloc thresholds in this process.</summary>
    public static bool MallocThresholdsSet { get; private set; }

    /// <summary>oneDNN's own variable limiting the instruction set of its kernels (read once, at its first primitive).</summary>
    public const string OneDnnIsaVariable = "DNNL_MAX_CPU_ISA";

    /// <summary>Set to <c>1</c> to leave oneDNN's instruction set alone on AMD CPUs (see <see cref="ApplyOneDnnWorkaround"/>).</summary>
    public const string OneDnnDefaultsVariable = "WECLICK_ONEDNN_DEFAULTS";

    /// <summary>
    /// True when <see cref="ApplyOneDnnWorkaround"/> set <c>DNNL_MAX_CPU_ISA</c> in this process (false when the user set it,
    /// or nothing was set). Child processes inherit the variable; the benchmarks' PyTorch workers must not, since the
    /// limit is for libtorch 2.10's kernels and python3-torch 1.13's are right at full speed.
    /// </summary>
    public static bool OneDnnLimitSetByWorkbench { get; private set; }

    /// <summary>The instruction-set limit <see cref="ApplyOneDnnWorkaround"/> sets: the one level measured correct.</summary>
    public const string OneDnnSafeIsa = "SSE41";

    /// <summary>
    /// On AMD CPUs, limits oneDNN (libtorch's "mkldnn" convolutions) to its SSE4.1 level by setting
    /// <c>DNNL_MAX_CPU_ISA=SSE41</c> in the process environment, unless the variable is already set,
    /// <c>WECLICK_ONEDNN_DEFAULTS=1</c>, or <see cref="ConvolutionChannelGuard"/> has already lifted the limit. Returns
    /// the value in effect (null: oneDNN's default).
    /// </summary>
    /// <remarks>
    /// Why: on the AMD EPYC (family 26, AVX-512) this project is developed on, TorchSharp-cpu 0.107's libtorch 2.10 gets
    /// float32 3×3 (and larger) convolutions wrong in oneDNN's AVX-512 and AVX kernels for some channel counts, silently
    /// (the forward when the input has more than 16 channels and not a multiple of 16, the input gradient when the output
    /// channels are not a multiple of 16; off by 11–67 % or NaN), so training diverges. python3-torch 1.13 (oneDNN 2.6) on
    /// the same machine is right to 4e-7. With the limit at SSE41 oneDNN runs its GEMM-based convolution
    /// (<c>x64:gemm:jit</c>) and every case is right (≤ 7e-7), at 3–4× the time of the default kernels.
    /// This limit is the safe first state: it is set when the library loads, before anything can run a convolution, and
    /// <see cref="ConvolutionChannelGuard"/> lifts it (<see cref="LiftOneDnnLimit"/>) once its channel padding is in
    /// place, which happens when TorchSharp binds its first native call, still before oneDNN reads the variable (at its
    /// first primitive). Where the guard cannot be installed, the limit stays: slow, but right.
    /// Intel CPUs are left alone: the fault was not observed there (no Intel machine was available to check).
    /// tests/…/Engine/ConvolutionGradientTests.cs fails on the affected machine with neither the limit nor the guard.
    /// </remarks>
    public static string? ApplyOneDnnWorkaround()
    {
        lock (s_lock)
        {
            if (Environment.GetEnvironmentVariable(OneDnnIsaVariable) is { Length: > 0 } set)
            {
                return set;
            }
            if (OneDnnLimitLifted || Environment.GetEnvironmentVariable(OneDnnDefaultsVariable) == "1" || !OperatingSystem.IsLinux() || !IsAmdCpu())
            {
                return null;
            }
            try
            {
                // The native environment (getenv), which oneDNN reads; Environment.SetEnvironmentVariable keeps a managed copy only.
                if (setenv(OneDnnIsaVariable, OneDnnSafeIsa, 0) != 0)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
            Environment.SetEnvironmentVariable(OneDnnIsaVariable, OneDnnSafeIsa);
            OneDnnLimitSetByWorkbench = true;
            return OneDnnSafeIsa;
        }
    }

    /// <summary>True once <see cref="LiftOneDnnLimit"/> removed the workbench's limit (the convolution guard is on).</summary>
    public static bool OneDnnLimitLifted { get; private set; }

    /// <summary>
    /// Removes the <c>DNNL_MAX_CPU_ISA</c> limit that <see cref="ApplyOneDnnWorkaround"/> set, so that oneDNN runs its
    /// default kernels. Only <see cref="ConvolutionChannelGuard"/> calls it, once its padding is in place. False (and
    /// nothing changed) when the workbench did not set the limit or the native environment refused.
    /// </summary>
    internal static bool LiftOneDnnLimit()
    {
        lock (s_lock)
        {
            if (!OneDnnLimitSetByWorkbench)
            {
                return false;
            }
            try
            {
                if (unsetenv(OneDnnIsaVariable) != 0)
                {
                    return false;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
            Environment.SetEnvironmentVariable(OneDnnIsaVariable, null);
            OneDnnLimitSetByWorkbench = false;
            OneDnnLimitLifted = true;
            return true;
        }
    }

    private static bool IsAmdCpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").Any(l => l.StartsWith("vendor_id", StringComparison.Ordinal) && l.Contains("AuthenticAMD", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sets libtorch's intra-op threads (<c>torch.set_num_threads</c>) and, once per process, glibc malloc's mmap and
    /// trim thresholds (<c>mallopt</c>; skipped when <c>WECLICK_MALLOC_DEFAULTS=1</c>), and on AMD CPUs oneDNN's
    /// instruction-set limit (<see cref="ApplyOneDnnWorkaround"/>). Without the thresholds, the
    /// multi-megabyte activations and gradients of every step are mapped and unmapped afresh, and an earlier
    /// measurement showed training up to ~15 % slower than python3-torch (environment.md, "Speed").
    /// </summary>
    /// <param name="threads">Threads; 0 = all cores (<see cref="Environment.ProcessorCount"/>).</param>
    /// <returns>The thread count in effect.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is negative.</exception>
    public static int Configure(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        var count = threads == 0 ? Environment.ProcessorCount : threads;
        ApplyOneDnnWorkaround();
        lock (s_lock)
        {
            if (!MallocThresholdsSet && Environment.GetEnvironmentVariable(MallocDefaultsVariable) != "1")
            {
                MallocThresholdsSet = SetMallocThresholds();
            }
        }
        torch.set_num_threads(count);
        return torch.get_num_threads();
    }

    /// <summary>The engine in effect: versions, the Debian 12 compatibility step, backend, threads, CPU capability, malloc, the two guards.</summary>
    public static TorchEngineInfo Describe()
    {
        var threads = torch.get_num_threads(); // also loads TorchSharp's native libraries, so that /proc/self/maps lists them
        var cuda = torch.cuda.is_available();
        var (capability, source) = CpuCapability.Detect();
        return new TorchEngineInfo(
            TorchSharpVersion(),
            torch.__version__,
            IsMapped(CompatibilityLibrary),
            cuda ? "cuda" : "cpu",
            cuda ? torch.cuda.device_count() : 0,
            threads,
            capability,
            source,
            Environment.GetEnvironmentVariable(OneDnnIsaVariable) is { Length: > 0 } isa ? $"{OneDnnIsaVariable}={isa}"
                : OneDnnLimitLifted ? "oneDNN's default (the convolution channel guard makes them right on this AMD CPU)"
                : "oneDNN's default",
            MallocPolicy(),
            TorchSharpDisposeGuard.Status,
            ConvolutionChannelGuard.Status);
    }

    /// <summary>The malloc thresholds in effect and MALLOC_ARENA_MAX, which must come from the environment at process start.</summary>
    public static string MallocPolicy()
    {
        var thresholds = MallocThresholdsSet
            ? $"mmap threshold {MmapThreshold >> 20} MiB, trim threshold {TrimThreshold >> 20} MiB"
            : Environment.GetEnvironmentVariable(MallocDefaultsVariable) == "1"
                ? $"glibc's default thresholds ({MallocDefaultsVariable}=1)"
                : "glibc's default thresholds (TorchEngine.Configure not called yet)";
        var arenas = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is { Length: > 0 } value
            ? $"MALLOC_ARENA_MAX={value}"
            : "MALLOC_ARENA_MAX unset (training can be up to ~15 % slower; start through ./weclick or export MALLOC_ARENA_MAX=1)";
        return $"{thresholds}; {arenas}";
    }

    private static string TorchSharpVersion()
    {
        var assembly = typeof(torch).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    /// <summary>Whether a shared library whose file name is <paramref name="fileName"/> is mapped into this process.</summary>
    internal static bool IsMapped(string fileName)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return File.ReadLines("/proc/self/maps").Any(line => line.EndsWith("/" + fileName, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool SetMallocThresholds() => TrySetMallocThresholds(MmapThreshold, TrimThreshold);

    /// <summary>Whether oneDNN runs its default (AVX-512 / AVX2) kernels, rather than the SSE4.1 ones the AMD workaround or a user limits it to.</summary>
    internal static bool OneDnnRunsDefaultKernels => Environment.GetEnvironmentVariable(OneDnnIsaVariable) is not { Length: > 0 };

    /// <summary>Sets glibc malloc's mmap and trim thresholds (<c>mallopt</c>); false where that is refused or not glibc.</summary>
    internal static bool TrySetMallocThresholds(long mmapThreshold, long trimThreshold)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            // A refusal only costs speed; the engine is usable either way.
            return mallopt(MallocMmapThreshold, checked((int)mmapThreshold)) == 1 && mallopt(MallocTrimThreshold, checked((int)trimThreshold)) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl has no mallopt thresholds)
        }
    }

    // <malloc.h>: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3.
    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;

    [LibraryImport("libc.so.6")]
    private static partial int mallopt(int param, int value);

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);
}
