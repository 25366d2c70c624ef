using WeClick.Torch.Interop;

namespace WeClick.Torch;

// torch.nn.functional: 2-D pooling (max, average, adaptive average) over [N, C, H, W] or [C, H, W].
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Maximum over kH×kW windows, as <c>F.max_pool2d</c>. Output size per side:
            /// ⌊(H + 2·padding − dilation·(k − 1) − 1) / stride⌋ + 1 (⌈…⌉ with <paramref name="ceil_mode"/>).
            /// </summary>
            /// <param name="input">[N, C, H, W] or [C, H, W].</param>
            /// <param name="kernel_size">Window (h, w).</param>
            /// <param name="stride">Step (h, w); null means <paramref name="kernel_size"/>, as in PyTorch.</param>
            /// <param name="padding">Implicit −∞ padding on each side; at most half the kernel.</param>
            /// <param name="dilation">Spacing between window elements.</param>
            /// <param name="ceil_mode">Round the output size up, so that windows may start in the right/bottom padding.</param>
            /// <exception cref="TorchException">The window does not fit or padding exceeds half the kernel (libtorch's message).</exception>
            public static unsafe Tensor max_pool2d(Tensor input, (long h, long w) kernel_size, (long h, long w)? stride = null,
                (long h, long w)? padding = null, (long h, long w)? dilation = null, bool ceil_mode = false)
            {
                var p = padding ?? (0, 0);
                var d = dilation ?? (1, 1);
                var s = stride ?? (0, 0);
                long* kp = stackalloc long[] { kernel_size.h, kernel_size.w };
                long* sp = stackalloc long[] { s.h, s.w };
                long* pp = stackalloc long[] { p.h, p.w };
                long* dp = stackalloc long[] { d.h, d.w };
                return Tensor.Wrap(NativeMethods.WcNn_max_pool2d(input.Handle, kp, sp, stride is null ? 0 : 2, pp, dp, ceil_mode ? 1 : 0, out var r), r);
            }

            /// <summary>Square-window <see cref="max_pool2d(Tensor, ValueTuple{long, long}, ValueTuple{long, long}?, ValueTuple{long, long}?, ValueTuple{long, long}?, bool)"/>: every pair is (k, k).</summary>
            /// <param name="input">[N, C, H, W] or [C, H, W].</param>
            /// <param name="kernel_size">Window side.</param>
            /// <param name="stride">Step; null means <paramref name="kernel_size"/>.</param>
            /// <param name="padding">Implicit −∞ padding on each side.</param>
            /// <param name="dilation">Spacing between window elements.</param>
            /// <param name="ceil_mode">Round the output size up.</param>
            /// <exception cref="TorchException">The window does not fit (libtorch's message).</exception>
            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1,
                bool ceil_mode = false) =>
                max_pool2d(input, (kernel_size, kernel_size), stride is null ? null : (stride.Value, stride.Value), (padding, padding),
                    (dilation, dilation), ceil_mode);

            /// <summary>Mean over kH×kW windows, as <c>F.avg_pool2d</c>.</summary>
            /// <param name="input">[N, C, H, W] or [C, H, W].</param>
            /// <param name="kernel_size">Window (h, w).</param>
            /// <param name="stride">Step (h, w); null means <paramref name="kernel_size"/>, as in PyTorch.</param>
            /// <param name="padding">Implicit zero padding on each side; at most half the kernel.</param>
            /// <param name="ceil_mode">Round the output size up.</param>
            /// <param name="count_include_pad">Count padded zeros in the divisor (PyTorch's default, true).</param>
            /// <param name="divisor_override">If given, divide every window sum by this instead.</param>
            /// <exception cref="TorchException">The window does not fit, or <paramref name="divisor_override"/> is 0 (libtorch's message).</exception>
            public static unsafe Tensor avg_pool2d(Tensor input, (long h, long w) kernel_size, (long h, long w)? stride = null,
                (long h, long w)? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
            {
                var p = padding ?? (0, 0);
                var s = stride ?? (0, 0);
                long* kp = stackalloc long[] { kernel_size.h, kernel_size.w };
                long* sp = stackalloc long[] { s.h, s.w };
                long* pp = stackalloc long[] { p.h, p.w };
                var divisor = divisor_override ?? 0;
                return Tensor.Wrap(NativeMethods.WcNn_avg_pool2d(input.Handle, kp, sp, stride is null ? 0 : 2, pp, ceil_mode ? 1 : 0,
                    count_include_pad ? 1 : 0, divisor_override is null ? null : &divisor, out var r), r);
            }

            /// <summary>Square-window <see cref="avg_pool2d(Tensor, ValueTuple{long, long}, ValueTuple{long, long}?, ValueTuple{long, long}?, bool, bool, long?)"/>.</summary>
            /// <param name="input">[N, C, H, W] or [C, H, W].</param>
            /// <param name="kernel_size">Window side.</param>
            /// <param name="stride">Step; null means <paramref name="kernel_size"/>.</param>
            /// <param name="padding">Implicit zero padding on each side.</param>
            /// <param name="ceil_mode">Round the output size up.</param>
            /// <param name="count_include_pad">Count padded zeros in the divisor.</param>
            /// <param name="divisor_override">If given, divide every window sum by this instead.</param>
            /// <exception cref="TorchException">The window does not fit (libtorch's message).</exception>
            public static Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                avg_pool2d(input, (kernel_size, kernel_size), stride is null ? null : (stride.Value, stride.Value), (padding, padding),
                    ceil_mode, count_include_pad, divisor_override);

            /// <summary>
            /// Average pooling to a fixed output size, as <c>F.adaptive_avg_pool2d</c>: output cell i averages input rows
            /// ⌊i·H/h⌋ … ⌈(i+1)·H/h⌉ − 1 (and likewise for columns).
            /// </summary>
            /// <param name="input">[N, C, H, W] or [C, H, W].</param>
            /// <param name="output_size">(h, w) of the result.</param>
            /// <exception cref="TorchException">A size is not positive (libtorch's message).</exception>
            public static unsafe Tensor adaptive_avg_pool2d(Tensor input, (long h, long w) output_size)
            {
                long* op = stackalloc long[] { output_size.h, output_size.w };
                return Tensor.Wrap(NativeMethods.WcNn_adaptive_avg_pool2d(input.Handle, op, out var r), r);
            }

            /// <summary>Adaptive average pooling to a square <paramref name="output_size"/>×<paramref name="output_size"/>.</summary>
            /// <param name="input">[N, C, H, W] or [C, H, W].</param>
            /// <param name="output_size">Side of the result.</param>
            /// <exception cref="TorchException">The size is not positive (libtorch's message).</exception>
            public static Tensor adaptive_avg_pool2d(Tensor input, long output_size) => adaptive_avg_pool2d(input, (output_size, output_size));
        }
    }
}
