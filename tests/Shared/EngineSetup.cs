using System.Runtime.CompilerServices;
using WeClick.Engine;

namespace WeClick.Testing;

/// <summary>Process-wide engine settings every test assembly needs before its first tensor operation.</summary>
internal static class EngineSetup
{
    /// <summary>
    /// Runs when the test assembly loads, before any test: oneDNN reads its instruction-set limit once, at the first
    /// convolution, so the AMD workaround (<see cref="TorchEngine.ApplyOneDnnWorkaround"/>) cannot wait for a test.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize() => TorchEngine.ApplyOneDnnWorkaround();
}
