using WeClick.Torch.Interop;

namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless layers and losses, as <c>torch.nn.functional</c> (import as <c>F</c>: <c>using F = WeClick.Torch.torch.nn.functional;</c>).</summary>
        public static partial class functional
        {
            internal static IntPtr Raw(Tensor? t) => t is null ? IntPtr.Zero : t.Handle.DangerousGetHandle();

            /// <summary>2-D convolution. <paramref name="input"/> is [N, C_in, H, W], <paramref name="weight"/> [C_out, C_in/groups, kH, kW].</summary>
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, (long h, long w)? stride = null,
                (long h, long w)? padding = null, (long h, long w)? dilation = null, long groups = 1)
            {
                var s = stride ?? (1, 1);
                var p = padding ?? (0, 0);
                var d = dilation ?? (1, 1);
                long* sp = stackalloc long[] { s.h, s.w };
                long* pp = stackalloc long[] { p.h, p.w };
                long* dp = stackalloc long[] { d.h, d.w };
                var result = Tensor.Wrap(NativeMethods.WcNn_conv2d(input.Handle, weight.Handle, Raw(bias), sp, pp, dp, groups, out var r), r);
                GC.KeepAlive(bias);
                return result;
            }

            /// <summary>
            /// Batch normalisation over [N, C, ...]. In training it normalises with batch statistics and updates
            /// <paramref name="running_mean"/>/<paramref name="running_var"/> in place (unbiased variance, momentum as PyTorch);
            /// in evaluation it uses the running statistics.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                var result = Tensor.Wrap(NativeMethods.WcNn_batch_norm(input.Handle, Raw(running_mean), Raw(running_var), Raw(weight), Raw(bias),
                    training ? 1 : 0, momentum, eps, out var r), r);
                GC.KeepAlive(running_mean);
                GC.KeepAlive(running_var);
                GC.KeepAlive(weight);
                GC.KeepAlive(bias);
                return result;
            }

            /// <summary>y = x·Wᵀ + b. <paramref name="weight"/> is [out, in].</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null)
            {
                var result = Tensor.Wrap(NativeMethods.WcNn_linear(input.Handle, weight.Handle, Raw(bias), out var r), r);
                GC.KeepAlive(bias);
                return result;
            }

            /// <summary>Zeroes elements with probability <paramref name="p"/> and scales the rest by 1/(1−p) when training.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true) =>
                Tensor.Wrap(NativeMethods.WcNn_dropout(input.Handle, p, training ? 1 : 0, out var r), r);

            /// <summary>Zeroes whole channels of [N, C, H, W] with probability <paramref name="p"/> when training.</summary>
            public static Tensor dropout2d(Tensor input, double p = 0.5, bool training = true) =>
                Tensor.Wrap(NativeMethods.WcNn_dropout2d(input.Handle, p, training ? 1 : 0, out var r), r);

            /// <summary>max(x, 0).</summary>
            public static Tensor relu(Tensor input) => input.relu();

            /// <summary>min(max(x, 0), 6).</summary>
            public static Tensor relu6(Tensor input) => input.relu6();
        }
    }
}
