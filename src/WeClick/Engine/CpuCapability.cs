using System.Runtime.InteropServices;
using System.Text;

namespace WeClick.Engine;

/// <summary>
/// The SIMD level of libtorch's CPU kernels. TorchSharp has no API for it (PyTorch's
/// <c>torch.backends.cpu.get_cpu_capability()</c>), so this calls libtorch's exported C++ function
/// <c>std::string at::get_cpu_capability()</c> directly, and where that is not possible derives the level the way
/// libtorch decides it (ATen/native/DispatchStub.cpp, <c>compute_cpu_capability</c>): ATEN_CPU_CAPABILITY if set, else
/// AVX512 with AVX-512 F/BW/VL/DQ and FMA, AVX2 with AVX2 and FMA, else the default kernels, labelled as derived.
/// </summary>
internal static class CpuCapability
{
    /// <summary>The Itanium-ABI name of <c>std::string at::get_cpu_capability()</c> in libtorch_cpu.so.</summary>
    private const string Symbol = "_ZN2at18get_cpu_capabilityB5cxx11Ev";

    public const string FromLibTorch = "libtorch at::get_cpu_capability()";

    public const string Derived = "derived from /proc/cpuinfo and ATEN_CPU_CAPABILITY (libtorch's at::get_cpu_capability() could not be called)";

    private static readonly Lazy<(string Capability, string Source)> s_detected = new(() =>
        AskLibTorch() is { } capability ? (capability, FromLibTorch) : (Derive(), Derived));

    public static (string Capability, string Source) Detect() => s_detected.Value;

    /// <summary>libtorch's own answer, or null where libtorch_cpu.so is not mapped or lacks the symbol.</summary>
    internal static unsafe string? AskLibTorch()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return null; // the std::string return convention below is the x86-64 SysV one
        }
        var path = MappedPath("libtorch_cpu.so");
        if (path is null || !NativeLibrary.TryLoad(path, out var library))
        {
            return null;
        }
        try
        {
            if (!NativeLibrary.TryGetExport(library, Symbol, out var function))
            {
                return null;
            }
            // A std::string (libstdc++'s C++11 ABI: pointer, length, 16-byte local buffer) comes back through a hidden
            // pointer to caller-provided storage. Capability names are short, so they sit in the local buffer (nothing
            // to free); a longer one would be left allocated, a few bytes once per process.
            var storage = stackalloc byte[64];
            new Span<byte>(storage, 64).Clear();
            ((delegate* unmanaged<byte*, byte*>)function)(storage);
            var text = *(byte**)storage;
            var length = *(nuint*)(storage + 8);
            return text is null || length is 0 or > 64 ? null : Encoding.ASCII.GetString(text, (int)length);
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }

    /// <summary>The level libtorch picks on this CPU, from the CPU flags and ATEN_CPU_CAPABILITY.</summary>
    internal static string Derive()
    {
        var flags = CpuFlags();
        var avx512 = new[] { "avx512f", "avx512bw", "avx512vl", "avx512dq", "fma" }.All(flags.Contains);
        var avx2 = new[] { "avx2", "fma" }.All(flags.Contains);
        var best = avx512 ? "AVX512" : avx2 ? "AVX2" : "NO AVX";
        // The variable can only lower the level (libtorch ignores a request the CPU cannot serve).
        return Environment.GetEnvironmentVariable("ATEN_CPU_CAPABILITY")?.ToLowerInvariant() switch
        {
            "default" => "NO AVX",
            "avx2" when avx2 => "AVX2",
            _ => best,
        };
    }

    private static HashSet<string> CpuFlags()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
            return line is null ? [] : line.Split(':', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static string? MappedPath(string fileName)
    {
        try
        {
            return File.ReadLines("/proc/self/maps")
                .Select(l => l.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 ? l[i..] : "")
                .FirstOrDefault(p => p.EndsWith("/" + fileName, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
