using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace WeClick.Vision.Interop;

/// <summary>
/// Finds and loads <c>libweclick_native.so</c> (the OpenCV shim) for every P/Invoke in this assembly.
/// </summary>
/// <remarks>
/// The shim is looked up next to this assembly first, so no <c>LD_LIBRARY_PATH</c> is needed: the
/// build copies it there, and Roslyn scripting (our notebook kernel) loads <c>#r</c> assemblies from
/// their own folder. <c>WECLICK_NATIVE_LIBRARY</c> may name another file. OpenCV itself is found by the
/// system loader (Debian puts it on the default path; the shim's RPATH is <c>$ORIGIN</c>). On failure
/// the exception carries every path tried and the loader's own message, and says which command repairs
/// the set-up. (libtorch is TorchSharp's business: it loads its own native libraries.)
/// </remarks>
internal static class NativeLibraryLoader
{
    internal const string LibraryName = "weclick_native";
    internal const string FileName = "libweclick_native.so";
    internal const string EnvironmentVariable = "WECLICK_NATIVE_LIBRARY";
    internal const string SetupHint =
        "Run ./scripts/setup.sh from the repository root (it installs libopencv-dev and builds src/native); see environment.md, 'Troubleshooting'.";

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

    // Only our shim is resolved here; every other name (libc, say) keeps the runtime's default search.
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

    /// <summary>Loads the first candidate that loads; throws <see cref="OpenCvException"/> with the whole probe trace otherwise.</summary>
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
            try
            {
                return NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                // The file exists but the dynamic loader refused it: usually OpenCV (libopencv-dev) is missing.
                trace.AppendLine($"  {path}: found but could not be loaded: {e.Message}");
            }
            catch (BadImageFormatException e)
            {
                trace.AppendLine($"  {path}: not a loadable library for this platform: {e.Message}");
            }
        }
        throw new OpenCvException(
            $"The WeClick native library ({FileName}) could not be loaded.{Environment.NewLine}" +
            $"Tried:{Environment.NewLine}{trace}{SetupHint}");
    }
}
