using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace WeClick.Engine;

/// <summary>What must happen when the library loads, before any of its code can run a convolution.</summary>
internal static class EngineInitializer
{
    /// <summary>
    /// Applies <see cref="TorchEngine.ApplyOneDnnWorkaround"/> as soon as WeClick.Core is loaded, so that the CLI, the
    /// notebook kernel, the benchmarks and user programs get correct convolution gradients on AMD CPUs without having to
    /// call <see cref="TorchEngine.Configure"/> first (oneDNN reads the limit only once, at its first primitive).
    /// Cheap: one read of /proc/cpuinfo and at most one <c>setenv</c>. It also installs
    /// <see cref="TorchSharpDisposeGuard"/>, which only registers a DllImport resolver here.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The environment variable only takes effect if set before libtorch's first convolution; waiting for an explicit call lets silent wrong gradients through.")]
    internal static void Initialize()
    {
        TorchEngine.ApplyOneDnnWorkaround();
        TorchSharpDisposeGuard.Install(); // before TorchSharp binds its first P/Invoke (see the class)
    }
}
