using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace WeClick.Engine;

/// <summary>
/// Routes TorchSharp's native calls through <c>libweclick_torchsharp_guard.so</c>, which keeps the .NET finalizer from
/// freeing a <see cref="Scalar"/> or a tensor that a native call on another thread still reads (environment.md,
/// "TorchSharp's finalizer race"). The same library carries the <see cref="ConvolutionChannelGuard"/>, which this
/// class installs with it.
/// </summary>
/// <remarks>
/// <para>The race: TorchSharp 0.107 reads <c>scalar.Handle</c> and calls libtorch without keeping the managed object
/// alive for the call. The implicit <see cref="Scalar"/> of <c>x.add(1.5)</c>, the <c>alpha = 1</c> inside
/// <c>x.add(y)</c>, the temporary of <c>x.add(y.mul(2))</c> are unreachable once their handle is read; a garbage
/// collection started by another thread during the call lets the finalizer free them while libtorch still reads them.
/// It showed as "Expected false to be true … toDouble at c10/core/Scalar.h:140" in a notebook cell (the kernel's
/// message threads allocate while the cell computes): a test run in CI failed on it. Measured before the guard: a
/// thread doing <c>x.add(1.5).mul(2.0)</c> on a 1024×1024 tensor while another collects every millisecond failed
/// 9 times in 22,157 iterations (30 s).</para>
/// <para>The fix, without changing TorchSharp: a DllImport resolver for the TorchSharp assembly hands its
/// "LibTorchSharp" imports the guard library, which defines only <c>THSTorch_dispose_scalar</c> and
/// <c>THSTensor_dispose</c> (and the convolution guard's two convolutions) and finds every other symbol in libLibTorchSharp.so (its NEEDED dependency). Disposals on
/// the finalizer thread wait out a quarantine (scalars 10 s, tensors 1 s) before they happen; <c>Dispose()</c> and
/// dispose scopes free at once, as before. The build puts the guard beside every output's libLibTorchSharp.so
/// (Directory.Build.targets). <c>WECLICK_DISPOSE_GUARD=0</c> turns the library off (to measure the race), and with it the convolution guard.</para>
/// <para>It must be installed before TorchSharp binds its first P/Invoke: the library's module initializer does it.
/// P/Invokes bound earlier (a program that used TorchSharp before touching WeClick.Core) keep the direct binding;
/// <see cref="Status"/> then still reads "on" for the others.</para>
/// </remarks>
public static class TorchSharpDisposeGuard
{
    /// <summary>The guard's file name, beside libLibTorchSharp.so.</summary>
    public const string LibraryFileName = "libweclick_torchsharp_guard.so";

    /// <summary>Set to <c>0</c> to leave TorchSharp's imports unguarded.</summary>
    public const string DisableVariable = "WECLICK_DISPOSE_GUARD";

    private const string TorchSharpLibraryName = "LibTorchSharp";
    private const string TorchSharpFileName = "libLibTorchSharp.so";

    private static readonly Lock s_lock = new();
    private static bool s_registered;
    private static IntPtr s_guard;
    private static string s_status = "off: not installed (WeClick.Core's module initializer has not run)";

    /// <summary>"on (…)" with the guard's path, or "off: why".</summary>
    public static string Status
    {
        get
        {
            lock (s_lock)
            {
                return s_guard == IntPtr.Zero ? s_status : $"{s_status}; {Counters()}";
            }
        }
    }

    /// <summary>The guard library in use (null while it is off).</summary>
    public static string? GuardPath { get; private set; }

    /// <summary>True when TorchSharp's imports resolve through the guard.</summary>
    public static bool IsActive
    {
        get
        {
            lock (s_lock)
            {
                return s_guard != IntPtr.Zero;
            }
        }
    }

    /// <summary>Registers the DllImport resolver for the TorchSharp assembly (idempotent; Linux only).</summary>
    public static void Install()
    {
        lock (s_lock)
        {
            if (s_registered)
            {
                return;
            }
            s_registered = true;
            if (!OperatingSystem.IsLinux())
            {
                s_status = "off: the guard is built for Linux only";
                ConvolutionChannelGuard.NotInstalled(s_status[5..]);
                return;
            }
            if (Environment.GetEnvironmentVariable(DisableVariable) == "0")
            {
                s_status = $"off: {DisableVariable}=0";
                ConvolutionChannelGuard.NotInstalled(s_status[5..]);
                return;
            }
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, Resolve);
                s_status = "off: no TorchSharp call yet";
            }
            catch (InvalidOperationException)
            {
                s_status = "off: another DllImport resolver is already registered for TorchSharp";
                ConvolutionChannelGuard.NotInstalled(s_status[5..]);
            }
        }
    }

    /// <summary>Disposals queued, queued ones carried out, those done at once, and those waiting now.</summary>
    public static (ulong Deferred, ulong Released, ulong Immediate, ulong Pending) ReadCounters()
    {
        lock (s_lock)
        {
            if (s_guard == IntPtr.Zero)
            {
                return default;
            }
            return ReadCountersLocked();
        }
    }

    private static unsafe (ulong, ulong, ulong, ulong) ReadCountersLocked()
    {
        var read = (delegate* unmanaged<ulong*, ulong*, ulong*, ulong*, void>)NativeLibrary.GetExport(s_guard, "weclick_dispose_guard_counters");
        ulong deferred, released, immediate, pending;
        read(&deferred, &released, &immediate, &pending);
        return (deferred, released, immediate, pending);
    }

    private static string Counters()
    {
        var (deferred, released, immediate, pending) = ReadCountersLocked();
        return string.Create(CultureInfo.InvariantCulture, $"finalizer disposals: {deferred:N0} quarantined, {released:N0} done, {pending:N0} waiting; explicit: {immediate:N0}");
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != TorchSharpLibraryName)
        {
            return IntPtr.Zero;
        }
        lock (s_lock)
        {
            if (s_guard != IntPtr.Zero)
            {
                return s_guard;
            }
            if (s_status.StartsWith("off: cannot", StringComparison.Ordinal))
            {
                return IntPtr.Zero; // tried and failed: the default binding
            }
            // TorchSharp loads libLibTorchSharp.so itself (torch.InitializeDeviceType) before its first P/Invoke;
            // the guard must bind to that very copy, so it is looked up where it is mapped, not searched for.
            var real = MappedPath(TorchSharpFileName);
            if (real is null)
            {
                return IntPtr.Zero; // not loaded yet: the default binding for this import, try again at the next
            }
            var guardPath = Path.Combine(Path.GetDirectoryName(real)!, LibraryFileName);
            if (!File.Exists(guardPath))
            {
                s_status = $"off: cannot find {guardPath} (it is built beside {TorchSharpFileName}; rebuild with ./scripts/setup.sh)";
                ConvolutionChannelGuard.NotInstalled(s_status[5..]);
                return IntPtr.Zero;
            }
            if (!NativeLibrary.TryLoad(guardPath, out var guard))
            {
                s_status = $"off: cannot load {guardPath}";
                ConvolutionChannelGuard.NotInstalled(s_status[5..]);
                return IntPtr.Zero;
            }
            if (!Install(guard, real))
            {
                s_status = $"off: cannot install {guardPath} (its exports or libLibTorchSharp's dispose or convolution functions are missing)";
                ConvolutionChannelGuard.NotInstalled(s_status[5..]);
                return IntPtr.Zero;
            }
            s_guard = guard;
            s_status = $"on ({LibraryFileName} beside {TorchSharpFileName})";
            GuardPath = guardPath;
            return guard;
        }
    }

    private static unsafe bool Install(IntPtr guard, string realPath)
    {
        var real = NativeLibrary.Load(realPath); // already loaded: the same handle
        if (!NativeLibrary.TryGetExport(real, "THSTorch_dispose_scalar", out var scalarDispose)
            || !NativeLibrary.TryGetExport(real, "THSTensor_dispose", out var tensorDispose)
            || !NativeLibrary.TryGetExport(guard, "weclick_dispose_guard_install", out var install)
            || !NativeLibrary.TryGetExport(guard, "weclick_dispose_guard_counters", out _)
            || !NativeLibrary.TryGetExport(guard, "THSTensor_add", out var throughGuard)
            || !NativeLibrary.TryGetExport(real, "THSTensor_add", out var direct)
            || throughGuard != direct)
        {
            return false;
        }
        return ((delegate* unmanaged<IntPtr, IntPtr, int>)install)(scalarDispose, tensorDispose) == 1
            && ConvolutionChannelGuard.Install(guard, real);
    }

    private static string? MappedPath(string fileName)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/');
                if (slash >= 0 && line.EndsWith("/" + fileName, StringComparison.Ordinal))
                {
                    return line[slash..];
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }
}
