using System.Runtime.CompilerServices;
using WeClick.Engine;

namespace WeClick.Core.Tests;

/// <summary>
/// The core tests run with the convolution channel guard on (<c>WECLICK_CONV_GUARD=1</c>), so that the guard and oneDNN's
/// fast kernels are tested on every run here: every model, loss and parity test of this assembly then checks the
/// guarded engine against python3-torch and float64. The other test assemblies (CLI, notebooks, bench) keep the
/// default, oneDNN's SSE4.1 limit on AMD CPUs. The guard reads the variable when TorchSharp binds its first native
/// call, which no module initializer makes.
/// </summary>
internal static class ConvolutionGuardOptIn
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(ConvolutionChannelGuard.EnableVariable) is null)
        {
            Environment.SetEnvironmentVariable(ConvolutionChannelGuard.EnableVariable, "1");
        }
    }
}
