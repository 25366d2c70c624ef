using WeClick.Torch.Interop;

namespace WeClick.Torch;

/// <summary>
/// The PyTorch-style entry point: <c>torch.zeros(...)</c>, <c>torch.manual_seed(...)</c>,
/// <c>torch.nn.functional.conv2d(...)</c>. Import it with <c>using static WeClick.Torch.torch;</c>.
/// </summary>
/// <remarks>Split by topic into <c>torch.*.cs</c> partial files.</remarks>
public static partial class torch
{
    /// <summary>torch.float32.</summary>
    public const ScalarType float32 = ScalarType.Float32;
    /// <summary>torch.float64.</summary>
    public const ScalarType float64 = ScalarType.Float64;
    /// <summary>torch.float16.</summary>
    public const ScalarType float16 = ScalarType.Float16;
    /// <summary>torch.bfloat16.</summary>
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    /// <summary>torch.int64.</summary>
    public const ScalarType int64 = ScalarType.Int64;
    /// <summary>torch.int32.</summary>
    public const ScalarType int32 = ScalarType.Int32;
    /// <summary>torch.uint8.</summary>
    public const ScalarType uint8 = ScalarType.Byte;
    /// <summary>torch.bool.</summary>
    public const ScalarType @bool = ScalarType.Bool;

    /// <summary>The CPU device.</summary>
    public static readonly Device CPU = new(DeviceType.CPU);

    /// <summary>The current CUDA device.</summary>
    public static readonly Device CUDA = new(DeviceType.CUDA);

    /// <summary>Parses a device name: <c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>.</summary>
    public static Device device(string name) => Device.Parse(name);

    /// <summary>libtorch's version, e.g. <c>1.13.0</c> (as built into the library, not the Debian package revision).</summary>
    public static string __version__
    {
        get
        {
            NativeStatus.Check(NativeMethods.WcTorch_version(out var text));
            return NativeStatus.TakeString(text);
        }
    }

    /// <summary>The OpenCV version the shim is linked against.</summary>
    public static string opencv_version()
    {
        NativeStatus.Check(NativeMethods.WcOpenCv_version(out var text));
        return NativeStatus.TakeString(text);
    }

    /// <summary>Build and runtime configuration, as <c>torch.__config__</c>.</summary>
    public static class __config__
    {
        /// <summary>libtorch's build configuration text.</summary>
        public static string show()
        {
            NativeStatus.Check(NativeMethods.WcTorch_config(out var text));
            return NativeStatus.TakeString(text);
        }

        /// <summary>Threading configuration text.</summary>
        public static string parallel_info()
        {
            NativeStatus.Check(NativeMethods.WcTorch_parallel_info(out var text));
            return NativeStatus.TakeString(text);
        }

        /// <summary>
        /// How glibc malloc is set up for libtorch's tensors in this process: the thresholds the binding sets
        /// at load, and MALLOC_ARENA_MAX, which must come from the environment (environment.md, "Speed").
        /// </summary>
        public static string malloc_policy()
        {
            _ = get_num_threads(); // loads the shim, which sets the thresholds
            var thresholds = NativeLibraryLoader.MallocThresholdsSet
                ? $"mmap threshold {NativeLibraryLoader.MmapThreshold >> 20} MiB, trim threshold {NativeLibraryLoader.TrimThreshold >> 20} MiB"
                : "glibc's default thresholds";
            var arenas = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is { Length: > 0 } value
                ? $"MALLOC_ARENA_MAX={value}"
                : "MALLOC_ARENA_MAX unset (training can be up to ~15 % slower; start through ./weclick or export MALLOC_ARENA_MAX=1)";
            return $"{thresholds}; {arenas}";
        }

        /// <summary>The SIMD level libtorch's CPU kernels use: <c>AVX2</c>, <c>AVX512</c> or <c>DEFAULT</c>.</summary>
        public static string cpu_capability()
        {
            NativeStatus.Check(NativeMethods.WcTorch_cpu_capability(out var text));
            return NativeStatus.TakeString(text);
        }
    }

    /// <summary>Seeds the default CPU generator (and every CUDA generator, as PyTorch does).</summary>
    public static void manual_seed(long seed)
    {
        NativeStatus.Check(NativeMethods.WcTorch_manual_seed(unchecked((ulong)seed)));
        NativeStatus.Check(NativeMethods.WcCuda_manual_seed_all(unchecked((ulong)seed)));
    }

    /// <summary>The seed the default CPU generator was last seeded with.</summary>
    public static long initial_seed()
    {
        NativeStatus.Check(NativeMethods.WcTorch_initial_seed(out var seed));
        return unchecked((long)seed);
    }

    /// <summary>The default CPU generator's state as a uint8 tensor (save it to resume a run exactly).</summary>
    public static Tensor get_rng_state() => Tensor.Wrap(NativeMethods.WcTorch_get_rng_state(out var r), r);

    /// <summary>Restores a state from <see cref="get_rng_state"/>.</summary>
    public static void set_rng_state(Tensor state) => NativeStatus.Check(NativeMethods.WcTorch_set_rng_state(state.Handle));

    /// <summary>Threads used by libtorch's intra-op parallelism.</summary>
    public static int get_num_threads()
    {
        NativeStatus.Check(NativeMethods.WcTorch_get_num_threads(out var threads));
        return threads;
    }

    /// <summary>Sets the threads used by libtorch's intra-op parallelism.</summary>
    public static void set_num_threads(int threads) => NativeStatus.Check(NativeMethods.WcTorch_set_num_threads(threads));

    /// <summary>Opens a <see cref="DisposeScope"/>; use it with <c>using</c>.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Runs <paramref name="body"/> in a new dispose scope and keeps only the tensor it returns (moved to the outer scope).</summary>
    public static Tensor WrappedTensorDisposeScope(Func<Tensor> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var scope = NewDisposeScope();
        return body().MoveToOuterDisposeScope();
    }

    /// <summary>CUDA queries, as <c>torch.cuda</c>.</summary>
    public static class cuda
    {
        /// <summary>True when this libtorch has CUDA and a GPU is visible.</summary>
        public static bool is_available()
        {
            NativeStatus.Check(NativeMethods.WcCuda_is_available(out var available));
            return available != 0;
        }

        /// <summary>Number of visible GPUs (0 without CUDA).</summary>
        public static int device_count()
        {
            NativeStatus.Check(NativeMethods.WcCuda_device_count(out var count));
            return count;
        }

        /// <summary>Seeds every GPU's generator.</summary>
        public static void manual_seed_all(long seed) => NativeStatus.Check(NativeMethods.WcCuda_manual_seed_all(unchecked((ulong)seed)));

        /// <summary>Waits for all work on a GPU (for timing).</summary>
        public static void synchronize(int device = 0) => NativeStatus.Check(NativeMethods.WcCuda_synchronize(device));
    }
}
