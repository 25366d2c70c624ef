using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WeClick.Core.Tests.Support;

/// <summary>
/// Turns off libtorch's oneDNN (MKLDNN) CPU backend before any test runs: in TorchSharp 0.107's libtorch 2.10 on an
/// AVX-512 CPU, oneDNN's <c>jit:avx512_core</c> 3×3 convolution gives wrong values (errors of 0.4 on O(1) outputs) for
/// a batch ≥ 2 when the input channels are not a multiple of 16 and are padded to its blocked layout (e.g. 22 or 24
/// channels, DeepLabV3+'s decoder <c>fuse.0</c> in the small test heads); batch 1 and libtorch's native kernels are
/// right. libtorch has no C API for the switch, so this calls <c>at::globalContext().setUserEnabledMkldnn(false)</c>
/// by its mangled name. <c>TorchEngine.ApplyOneDnnWorkaround</c>'s <c>DNNL_MAX_CPU_ISA=AVX</c> (tests/Shared/EngineSetup.cs)
/// fixes the gradient cases it was made for but not this forward one (measured: still 0.47 off with AVX, and with AVX2;
/// right with SSE41 or with oneDNN off), so HeadParityTests and DeepLabV3PlusHeadTests fail without this. The library's
/// engine setup should do the same for real runs.
/// </summary>
internal static class OneDnnWorkaround
{
    [ModuleInitializer]
    internal static void Disable()
    {
        _ = torch.zeros(1); // loads libtorch_cpu through TorchSharp's own loader first
        SetUserEnabledMkldnn(GlobalContext(), false);
    }

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
