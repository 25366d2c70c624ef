using System.Runtime.CompilerServices;
using WeClick.Engine;

namespace WeClick.Testing;

/// <summary>Process-wide engine settings every test assembly needs before its first tensor operation.</summary>
internal static class EngineSetup
{
    /// <summary>
    /// Runs when the test assembly loads, before any test: oneDNN reads its instruction-set limit once, at the first
    /// convolution, so the AMD workaround (<see cref="TorchEngine.ApplyOneDnnWorkaround"/>) cannot wait for a test, and
    /// TorchSharp's imports must resolve through <see cref="TorchSharpDisposeGuard"/> before a test binds the first.
    /// (WeClick.Core's own module initializer does both as well; this makes the order explicit.)
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        TorchEngine.ApplyOneDnnWorkaround();
        TorchSharpDisposeGuard.Install();
    }
}
