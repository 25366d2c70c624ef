using WeClick.Torch.Interop;

namespace WeClick.Torch;

// torch.nn.functional.pad: constant, reflect, replicate and circular padding.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Pads the last ⌊len(pad)/2⌋ dimensions, as <c>F.pad</c>: <paramref name="pad"/> lists (before, after) pairs
            /// starting from the LAST dimension, e.g. (left, right, top, bottom) for an image. Negative entries crop.
            /// </summary>
            /// <param name="input">Any shape for <c>constant</c>; for the other modes [N, C, W], [N, C, H, W] or [N, C, D, H, W]
            /// (or without N) with 2, 4 or 6 pad entries.</param>
            /// <param name="pad">An even number of sizes.</param>
            /// <param name="mode"><c>constant</c> (default), <c>reflect</c> (mirror without repeating the edge),
            /// <c>replicate</c> (repeat the edge) or <c>circular</c> (wrap around).</param>
            /// <param name="value">Fill value for <c>constant</c> (null = 0); must be null for the other modes.</param>
            /// <exception cref="TorchException">An unknown mode, an odd pad length, a reflect pad not smaller than the input,
            /// or a value with a non-constant mode (libtorch's message).</exception>
            public static unsafe Tensor pad(Tensor input, long[] pad, string mode = "constant", double? value = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(pad);
                ArgumentNullException.ThrowIfNull(mode);
                var v = value ?? 0;
                fixed (long* p = pad)
                {
                    return Tensor.Wrap(NativeMethods.WcNn_pad(input.Handle, p, pad.Length, mode, value is null ? null : &v, out var r), r);
                }
            }
        }
    }
}
