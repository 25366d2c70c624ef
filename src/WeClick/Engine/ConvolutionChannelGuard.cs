using System.Globalization;
using System.Runtime.InteropServices;

namespace WeClick.Engine;

/// <summary>
/// Lets libtorch 2.10's fast oneDNN convolutions run on AMD CPUs, where they are wrong for some channel counts, by
/// padding those channels to a multiple of 16 (environment.md, "AMD CPUs"; the native half is
/// src/native/torchsharp_guard/conv_channel_guard.c).
/// </summary>
/// <remarks>
/// <para>The fault, measured on the AMD EPYC this project is developed on against the same convolution in float64:
/// a 2-D convolution with groups = 1 and a kernel larger than 1×1 gets its forward wrong when the input has more than
/// 16 channels and not a multiple of 16, and its input gradient wrong when the output channels are not a multiple
/// of 16 (off by 11–67 %, or NaN). Everything else (1×1, depthwise, grouped, weight gradients, multiples of 16,
/// inputs of fewer than 16 channels) was right. A second fault of the same kernels: the input gradient of a strided 1×1
/// convolution with some channel counts (512→1024, 1024→512, 1024→2048: ResNet-50/101's downsampling shortcuts) kills
/// the process with SIGFPE; the guard runs such a convolution as a strided slice of the input and a 1×1 convolution of
/// stride 1, which is the same function.</para>
/// <para>Before this guard the workbench limited oneDNN to SSE4.1 on AMD CPUs, which is right everywhere but made a
/// DeepLabV3+ R18 training step 3.6× slower than python3-torch. Now the limit (<see cref="TorchEngine.ApplyOneDnnWorkaround"/>)
/// is set when the library loads, as before, and, with <c>WECLICK_CONV_GUARD=1</c>, lifted here as soon as the guard library is in place, which is
/// before the first convolution (every TorchSharp call resolves through it). When the guard cannot be installed
/// (<c>WECLICK_DISPOSE_GUARD=0</c>, the library missing), the limit stays: correct and slow, never fast and wrong.
/// The guard is opt-in for now (<c>WECLICK_CONV_GUARD=1</c>; see <see cref="EnableVariable"/> for why).</para>
/// </remarks>
public static class ConvolutionChannelGuard
{
    /// <summary>
    /// Set to <c>1</c> to pad channels and lift the SSE4.1 limit on AMD CPUs (3–4× faster training). Opt-in for now: in
    /// one clean-clone test run, a killed-and-resumed training run ended 0.0099 away from its uninterrupted twin with
    /// the fast kernels, which never happened at SSE4.1 and could not be reproduced in 9 further tries (environment.md,
    /// "AMD CPUs"). Until that is understood, the default keeps the kernels whose results are known to resume exactly.
    /// </summary>
    public const string EnableVariable = "WECLICK_CONV_GUARD";

    private static readonly Lock s_lock = new();
    private static IntPtr s_guard;
    private static string s_status = "off: the guard library is not loaded yet";

    /// <summary>True when convolutions with the faulty channel counts are padded (and oneDNN runs its default kernels).</summary>
    public static bool IsEnabled { get; private set; }

    /// <summary>"on: …" with counters, or "off: why".</summary>
    public static string Status
    {
        get
        {
            lock (s_lock)
            {
                if (!IsEnabled)
                {
                    return s_status;
                }
                var (calls, padded) = ReadCountersLocked();
                return string.Create(CultureInfo.InvariantCulture, $"{s_status}; {calls:N0} convolutions, {padded:N0} padded or sliced");
            }
        }
    }

    /// <summary>2-D convolutions seen since the process started, and how many were padded or sliced (zeros while it is off).</summary>
    public static (ulong Calls, ulong Padded) ReadCounters()
    {
        lock (s_lock)
        {
            return IsEnabled ? ReadCountersLocked() : default;
        }
    }

    /// <summary>
    /// Hands the guard library libLibTorchSharp's two convolution functions and turns the padding on where the
    /// workbench limited oneDNN for AMD (then lifts that limit). Called by <see cref="TorchSharpDisposeGuard"/> when it
    /// loads the library, before TorchSharp binds a call to it. False when the library lacks the guard's exports.
    /// </summary>
    internal static unsafe bool Install(IntPtr guard, IntPtr real)
    {
        if (!NativeLibrary.TryGetExport(real, "THSTensor_conv2d", out var conv2d)
            || !NativeLibrary.TryGetExport(real, "THSTensor_conv2d_padding", out var conv2dPadding)
            || !NativeLibrary.TryGetExport(guard, "weclick_conv_guard_install", out var install)
            || !NativeLibrary.TryGetExport(guard, "weclick_conv_guard_counters", out _))
        {
            return false;
        }
        lock (s_lock)
        {
            var wanted = TorchEngine.OneDnnLimitSetByWorkbench;
            var optedIn = Environment.GetEnvironmentVariable(EnableVariable) == "1";
            var enable = wanted && optedIn;
            if (((delegate* unmanaged<IntPtr, IntPtr, int, int>)install)(conv2d, conv2dPadding, enable ? 1 : 0) != 1)
            {
                return false;
            }
            s_guard = guard;
            if (enable && TorchEngine.LiftOneDnnLimit())
            {
                IsEnabled = true;
                s_status = "on: convolutions with a channel count oneDNN's AVX-512 kernels get wrong are padded to a multiple of 16, strided 1x1 ones sliced";
            }
            else
            {
                s_status = wanted && !optedIn ? $"off: opt-in ({EnableVariable}=1 pads channels and lifts oneDNN's SSE4.1 limit; environment.md, \"AMD CPUs\")"
                    : wanted ? "off: oneDNN's limit could not be lifted (it stays)"
                    : "off: not needed (not an AMD CPU, or oneDNN's instruction set was chosen outside the workbench)";
            }
            return true;
        }
    }

    /// <summary>Where the guard could not be installed at all, says so (the oneDNN limit then stays).</summary>
    internal static void NotInstalled(string why)
    {
        lock (s_lock)
        {
            s_status = $"off: {why} (oneDNN stays limited on AMD CPUs)";
        }
    }

    private static unsafe (ulong, ulong) ReadCountersLocked()
    {
        var read = (delegate* unmanaged<ulong*, ulong*, void>)NativeLibrary.GetExport(s_guard, "weclick_conv_guard_counters");
        ulong calls, padded;
        read(&calls, &padded);
        return (calls, padded);
    }
}
