using WeClick.Torch.Modules;

namespace WeClick.Torch;

// torch.nn.Conv2d(...) etc. as in TorchSharp: the classes live in WeClick.Torch.Modules.
public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A 2-D convolution with square kernel, stride, padding and dilation; see <see cref="Modules.Conv2d"/>.</summary>
        public static Modules.Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
            long dilation = 1, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), (dilation, dilation), groups, bias, device, dtype);

        /// <summary>A 2-D convolution with (height, width) sizes; see <see cref="Modules.Conv2d"/>.</summary>
        public static Modules.Conv2d Conv2d(long in_channels, long out_channels, (long h, long w) kernel_size, (long h, long w)? stride = null,
            (long h, long w)? padding = null, (long h, long w)? dilation = null, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, device, dtype);

        /// <summary>A fully connected layer; see <see cref="Modules.Linear"/>.</summary>
        public static Modules.Linear Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_features, out_features, bias, device, dtype);

        /// <summary>Batch normalisation over [N, C, H, W]; see <see cref="Modules.BatchNorm2d"/>.</summary>
        public static Modules.BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
            bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
            new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        /// <summary>max(x, 0).</summary>
        public static Modules.ReLU ReLU(bool inplace = false) => new(inplace);

        /// <summary>min(max(x, 0), 6).</summary>
        public static Modules.ReLU6 ReLU6(bool inplace = false) => new(inplace);

        /// <summary>Element dropout; see <see cref="Modules.Dropout"/>.</summary>
        public static Modules.Dropout Dropout(double p = 0.5) => new(p);

        /// <summary>Channel dropout; see <see cref="Modules.Dropout2d"/>.</summary>
        public static Modules.Dropout2d Dropout2d(double p = 0.5) => new(p);

        /// <summary>The identity.</summary>
        public static Modules.Identity Identity() => new();

        /// <summary>Chains modules named "0", "1", ...; see <see cref="Modules.Sequential"/>.</summary>
        public static Modules.Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        /// <summary>Chains named modules; see <see cref="Modules.Sequential"/>.</summary>
        public static Modules.Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

        /// <summary>A list of modules named "0", "1", ...; see <see cref="ModuleList{T}"/>.</summary>
        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
    }
}
