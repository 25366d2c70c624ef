namespace WeClick.Engine;

/// <summary>What the tensor engine is in this process (<see cref="TorchEngine.Describe"/>).</summary>
/// <param name="TorchSharpVersion">The TorchSharp assembly's version (e.g. <c>0.107.0</c>).</param>
/// <param name="LibTorchVersion">The libtorch version TorchSharp was built against (<c>torch.__version__</c>, e.g. <c>2.10.0.0</c>).</param>
/// <param name="CompatibilityStepInEffect">Whether the Debian 12 compatibility step is in effect: <c>libweclick_iosinit.so</c>
/// is mapped into this process (environment.md, "Debian 12"); false on systems whose libstdc++ needs no step.</param>
/// <param name="Backend"><c>cuda</c> when libtorch has CUDA and sees a GPU (<c>torch.cuda.is_available()</c>), else <c>cpu</c>.</param>
/// <param name="CudaDevices">Visible GPUs (0 on the CPU backend).</param>
/// <param name="Threads">libtorch's intra-op threads (<c>torch.get_num_threads()</c>).</param>
/// <param name="CpuCapability">The SIMD level of libtorch's CPU kernels: <c>AVX512</c>, <c>AVX2</c>, <c>NO AVX</c>/<c>DEFAULT</c>.</param>
/// <param name="CpuCapabilitySource">Where <see cref="CpuCapability"/> comes from: libtorch's own
/// <c>at::get_cpu_capability()</c>, or, where that cannot be called, derived from /proc/cpuinfo and ATEN_CPU_CAPABILITY.</param>
/// <param name="OneDnnIsa">The instruction-set limit of oneDNN's convolution kernels: <c>DNNL_MAX_CPU_ISA=SSE41</c> where
/// <see cref="TorchEngine.ApplyOneDnnWorkaround"/> set it and it stayed (AMD CPUs without the convolution guard), else
/// the variable's value or "oneDNN's default".</param>
/// <param name="MallocPolicy">How glibc malloc is set up for tensors (environment.md, "Speed").</param>
/// <param name="DisposeGuard">Whether TorchSharp's imports resolve through <see cref="TorchSharpDisposeGuard"/> ("on …" with
/// its counters, or "off: why").</param>
/// <param name="ConvolutionGuard">Whether <see cref="ConvolutionChannelGuard"/> pads the channels of the convolutions
/// oneDNN gets wrong on this CPU ("on: …" with counters, or "off: why").</param>
public sealed record TorchEngineInfo(
    string TorchSharpVersion,
    string LibTorchVersion,
    bool CompatibilityStepInEffect,
    string Backend,
    int CudaDevices,
    int Threads,
    string CpuCapability,
    string CpuCapabilitySource,
    string OneDnnIsa,
    string MallocPolicy,
    string DisposeGuard,
    string ConvolutionGuard);
