using WeClick.Torch.Interop;

namespace WeClick.Torch;

// torch.nn.functional.unfold (im2col) and fold (col2im): sliding local blocks as columns and back.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Extracts sliding blocks as columns (im2col), as <c>F.unfold</c>: [N, C, H, W] → [N, C·kH·kW, L], where L is the
            /// number of block positions, ∏ ⌊(size + 2·padding − dilation·(k − 1) − 1) / stride⌋ + 1. Row index is c·kH·kW + i·kW + j.
            /// </summary>
            /// <param name="input">[N, C, H, W] or [C, H, W].</param>
            /// <param name="kernel_size">Block (h, w).</param>
            /// <param name="dilation">Spacing inside a block (default (1, 1)).</param>
            /// <param name="padding">Implicit zero padding on each side (default (0, 0)).</param>
            /// <param name="stride">Step between blocks (default (1, 1)).</param>
            /// <exception cref="TorchException">The block does not fit or the input is not 3-D/4-D (libtorch's message).</exception>
            public static unsafe Tensor unfold(Tensor input, (long h, long w) kernel_size, (long h, long w)? dilation = null,
                (long h, long w)? padding = null, (long h, long w)? stride = null)
            {
                var d = dilation ?? (1, 1);
                var p = padding ?? (0, 0);
                var s = stride ?? (1, 1);
                long* kp = stackalloc long[] { kernel_size.h, kernel_size.w };
                long* dp = stackalloc long[] { d.h, d.w };
                long* pp = stackalloc long[] { p.h, p.w };
                long* sp = stackalloc long[] { s.h, s.w };
                return Tensor.Wrap(NativeMethods.WcNn_im2col(input.Handle, kp, dp, pp, sp, out var r), r);
            }

            /// <summary>
            /// Sums columns back into an image (col2im), as <c>F.fold</c>: [N, C·kH·kW, L] → [N, C, H, W]. Overlapping block
            /// entries add up, so fold(unfold(x)) is x times the number of blocks covering each pixel.
            /// </summary>
            /// <param name="input">[N, C·kH·kW, L] or [C·kH·kW, L].</param>
            /// <param name="output_size">(H, W) of the result.</param>
            /// <param name="kernel_size">Block (h, w).</param>
            /// <param name="dilation">Spacing inside a block (default (1, 1)).</param>
            /// <param name="padding">Implicit zero padding that is cut off again (default (0, 0)).</param>
            /// <param name="stride">Step between blocks (default (1, 1)).</param>
            /// <exception cref="TorchException">The sizes are inconsistent with the number of columns (libtorch's message).</exception>
            public static unsafe Tensor fold(Tensor input, (long h, long w) output_size, (long h, long w) kernel_size,
                (long h, long w)? dilation = null, (long h, long w)? padding = null, (long h, long w)? stride = null)
            {
                var d = dilation ?? (1, 1);
                var p = padding ?? (0, 0);
                var s = stride ?? (1, 1);
                long* op = stackalloc long[] { output_size.h, output_size.w };
                long* kp = stackalloc long[] { kernel_size.h, kernel_size.w };
                long* dp = stackalloc long[] { d.h, d.w };
                long* pp = stackalloc long[] { p.h, p.w };
                long* sp = stackalloc long[] { s.h, s.w };
                return Tensor.Wrap(NativeMethods.WcNn_col2im(input.Handle, op, kp, dp, pp, sp, out var r), r);
            }
        }
    }
}
