using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace WeClick.Torch.Interop;

/// <summary>
/// Finds and loads <c>libweclick_native.so</c> (the shim) for every P/Invoke in this assembly.
/// </summary>
/// <remarks>
/// The shim is looked up next to this assembly first, so no <c>LD_LIBRARY_PATH</c> is needed: the
/// build copies it there, and Roslyn scripting (our notebook kernel) loads <c>#r</c> assemblies from
/// their own folder. <c>WECLICK_NATIVE_LIBRARY</c> may name another file (a CUDA build, say).
/// libtorch and OpenCV themselves are found by the system loader (Debian puts them on the default
/// path; the shim's RPATH is <c>$ORIGIN</c>). On failure the exception carries every path tried and
/// the loader's own message, and says which command repairs the set-up.
/// <para>
/// Right after loading, the shim fixes glibc malloc's mmap threshold at 32 MiB and its trim threshold
/// at 64 MiB: the values glibc's own dynamic rule reaches in a python3-torch process after the first
/// large free. In a .NET host that rule did not take effect, so multi-megabyte activations and gradients
/// were mmapped and unmapped on every training step (measured: 221k vs 166k minor page faults over 8
/// BenchNet steps; backward 104 ms vs 86 ms). The other half of the fix cannot be made from inside the
/// process: <c>MALLOC_ARENA_MAX=1</c> must be in the environment when the process starts (the .NET
/// runtime's threads create several malloc arenas before any of our code runs). <c>./weclick</c>,
/// <c>./run-tests</c> and the notebook kernel set it; <c>weclick env</c> reports both settings; see
/// environment.md, "Speed". Set <c>WECLICK_MALLOC_DEFAULTS=1</c> to keep glibc's thresholds.
/// </para>
/// </remarks>
internal static class NativeLibraryLoader
{
    internal const string LibraryName = "weclick_native";
    internal const string FileName = "libweclick_native.so";
    internal const string EnvironmentVariable = "WECLICK_NATIVE_LIBRARY";
    internal const string MallocDefaultsVariable = "WECLICK_MALLOC_DEFAULTS";
    internal const long MmapThreshold = 32L << 20;  // glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit
    internal const long TrimThreshold = 64L << 20;  // twice the mmap threshold, as glibc's dynamic rule sets it
    internal const string SetupHint =
        "Run ./scripts/setup.sh from the repository root (it installs libtorch-dev and libopencv-dev and builds src/native); see environment.md, 'Troubleshooting'.";

    /// <summary>True once the malloc thresholds have been set in this process.</summary>
    internal static bool MallocThresholdsSet { get; private set; }

    private static readonly Lazy<IntPtr> s_handle = new(() => LoadFrom(CandidatePaths()));

    // A library module initializer is the one place that runs before any P/Invoke of this assembly,
    // whoever the caller is (an app, a test host, a Roslyn script).
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        return libraryName == LibraryName ? s_handle.Value : IntPtr.Zero;
    }

    /// <summary>The places the shim is looked for, in order.</summary>
    internal static IReadOnlyList<string> CandidatePaths()
    {
        var paths = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            paths.Add(fromEnvironment);
        }
        var assemblyDirectory = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory))
        {
            paths.Add(Path.Combine(assemblyDirectory, FileName));
        }
        paths.Add(Path.Combine(AppContext.BaseDirectory, FileName));
        return paths.Distinct().ToList();
    }

    /// <summary>Loads the first candidate that exists; throws <see cref="TorchException"/> with the whole probe trace otherwise.</summary>
    internal static IntPtr LoadFrom(IReadOnlyList<string> candidates)
    {
        var trace = new StringBuilder();
        foreach (var path in candidates)
        {
            if (!File.Exists(path))
            {
                trace.AppendLine($"  {path}: not found");
                continue;
            }
            IntPtr handle;
            try
            {
                handle = NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                // The file exists but the dynamic loader refused it: usually libtorch or OpenCV is missing.
                trace.AppendLine($"  {path}: found but could not be loaded: {e.Message}");
                continue;
            }
            catch (BadImageFormatException e)
            {
                trace.AppendLine($"  {path}: not a loadable library for this platform: {e.Message}");
                continue;
            }
            ConfigureMalloc(handle);
            return handle;
        }
        throw new TorchException(
            $"The WeClick native library ({FileName}) could not be loaded.{Environment.NewLine}" +
            $"Tried:{Environment.NewLine}{trace}{SetupHint}");
    }

    // Called through the export directly: the P/Invoke resolver is still running, so no [LibraryImport] yet.
    private static unsafe void ConfigureMalloc(IntPtr library)
    {
        if (Environment.GetEnvironmentVariable(MallocDefaultsVariable) == "1")
        {
            return;
        }
        if (NativeLibrary.TryGetExport(library, "WcMemory_set_malloc_thresholds", out var export))
        {
            // A refusal only costs speed; the library is usable either way.
            MallocThresholdsSet = ((delegate* unmanaged<long, long, int>)export)(MmapThreshold, TrimThreshold) == NativeStatus.Ok;
        }
    }
}
