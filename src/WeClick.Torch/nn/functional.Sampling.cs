using WeClick.Torch.Interop;

namespace WeClick.Torch;

// torch.nn.functional: resampling (interpolate) and sampling at given coordinates (grid_sample).
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            private static readonly string[] s_interpolateModes = ["nearest", "nearest-exact", "bilinear", "bicubic"];

            /// <summary>
            /// Resizes [N, C, H, W] to <paramref name="size"/> or by <paramref name="scale_factor"/>, as <c>F.interpolate</c>
            /// (with <c>antialias=False</c>).
            /// </summary>
            /// <remarks>
            /// PyTorch's rules apply exactly: with a scale factor the output size is ⌊in·scale⌋ and, unless
            /// <paramref name="recompute_scale_factor"/> is true, the kernel maps coordinates with the given scale
            /// (not out/in), so that results match PyTorch element for element. <paramref name="align_corners"/> may only be
            /// given for bilinear and bicubic, where null means false.
            /// </remarks>
            /// <param name="input">[N, C, H, W].</param>
            /// <param name="size">Output (h, w); one element means the same for both sides. Exclusive with <paramref name="scale_factor"/>.</param>
            /// <param name="scale_factor">Multipliers (h, w); one element means the same for both sides.</param>
            /// <param name="mode"><c>nearest</c> (PyTorch's default), <c>nearest-exact</c>, <c>bilinear</c> or <c>bicubic</c>.</param>
            /// <param name="align_corners">For bilinear/bicubic: whether the corner pixels' centres of input and output coincide.</param>
            /// <param name="recompute_scale_factor">With a scale factor: compute the size, then let the kernel use out/in as the scale.</param>
            /// <exception cref="ArgumentException">An unknown mode, align_corners with a nearest mode, both or neither of size and
            /// scale_factor, a wrong number of sizes, or an input that is not 4-D.</exception>
            /// <exception cref="TorchException">libtorch rejects the sizes (e.g. an empty output).</exception>
            public static unsafe Tensor interpolate(Tensor input, long[]? size = null, double[]? scale_factor = null, string mode = "nearest",
                bool? align_corners = null, bool? recompute_scale_factor = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                if (!s_interpolateModes.Contains(mode))
                {
                    throw new ArgumentException(
                        $"interpolate: unknown mode '{mode}'; supported modes are {string.Join(", ", s_interpolateModes.Select(m => $"'{m}'"))}.",
                        nameof(mode));
                }
                var linear = mode is "bilinear" or "bicubic";
                if (!linear && align_corners is not null)
                {
                    throw new ArgumentException(
                        $"interpolate: align_corners can only be set with the interpolating modes bilinear and bicubic, not with '{mode}'.",
                        nameof(align_corners));
                }
                var dims = input.dim();
                if (dims != 4)
                {
                    throw new ArgumentException($"interpolate: expected a 4-D input [N, C, H, W], got {dims} dimensions.", nameof(input));
                }
                if ((size is null) == (scale_factor is null))
                {
                    throw new ArgumentException("interpolate: give exactly one of size and scale_factor.",
                        size is null ? nameof(size) : nameof(scale_factor));
                }
                if (size is not null && recompute_scale_factor == true)
                {
                    throw new ArgumentException("interpolate: recompute_scale_factor is not meaningful with an explicit size.",
                        nameof(recompute_scale_factor));
                }
                long[]? outputSize = size is null ? null : Pair(size, nameof(size));
                double[]? scales = scale_factor is null ? null : Pair(scale_factor, nameof(scale_factor));
                if (scales is not null && recompute_scale_factor == true)
                {
                    var sizes = input.shape;
                    outputSize = [(long)Math.Floor(sizes[2] * scales[0]), (long)Math.Floor(sizes[3] * scales[1])];
                    scales = null;
                }
                var corners = align_corners == true ? 1 : 0;
                fixed (long* o = outputSize)
                fixed (double* s = scales)
                {
                    return mode switch
                    {
                        "nearest" => Tensor.Wrap(NativeMethods.WcNn_upsample_nearest2d(input.Handle, o, s, out var r), r),
                        "nearest-exact" => Tensor.Wrap(NativeMethods.WcNn_upsample_nearest_exact2d(input.Handle, o, s, out var r), r),
                        "bilinear" => Tensor.Wrap(NativeMethods.WcNn_upsample_bilinear2d(input.Handle, o, corners, s, out var r), r),
                        _ => Tensor.Wrap(NativeMethods.WcNn_upsample_bicubic2d(input.Handle, o, corners, s, out var r), r),
                    };
                }
            }

            private static T[] Pair<T>(T[] values, string name) => values.Length switch
            {
                1 => [values[0], values[0]],
                2 => values,
                _ => throw new ArgumentException($"interpolate: {name} needs 1 or 2 entries (one per spatial dimension), got {values.Length}.", name),
            };

            /// <summary>
            /// Samples <paramref name="input"/> at the normalised (x, y) coordinates in <paramref name="grid"/>, as <c>F.grid_sample</c>:
            /// −1 and +1 are the left/top and right/bottom edges (pixel centres when <paramref name="align_corners"/>, outer borders otherwise).
            /// </summary>
            /// <param name="input">[N, C, H, W] (or [N, C, D, H, W] with a 5-D grid).</param>
            /// <param name="grid">[N, H_out, W_out, 2], last dimension (x, y).</param>
            /// <param name="mode"><c>bilinear</c> (default), <c>nearest</c> or <c>bicubic</c> (4-D only).</param>
            /// <param name="padding_mode">Values outside the input: <c>zeros</c> (default), <c>border</c> or <c>reflection</c>.</param>
            /// <param name="align_corners">False by default, as PyTorch's effective default since 1.3.0 (it only warns when unset).</param>
            /// <exception cref="ArgumentException">An unknown <paramref name="mode"/> or <paramref name="padding_mode"/>.</exception>
            /// <exception cref="TorchException">The grid's shape does not fit the input (libtorch's message).</exception>
            public static Tensor grid_sample(Tensor input, Tensor grid, string mode = "bilinear", string padding_mode = "zeros",
                bool align_corners = false)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(grid);
                long modeCode = mode switch
                {
                    "bilinear" => 0,
                    "nearest" => 1,
                    "bicubic" => 2,
                    _ => throw new ArgumentException(
                        $"grid_sample: expected mode to be 'bilinear', 'nearest' or 'bicubic', but got '{mode}'.", nameof(mode)),
                };
                long paddingCode = padding_mode switch
                {
                    "zeros" => 0,
                    "border" => 1,
                    "reflection" => 2,
                    _ => throw new ArgumentException(
                        $"grid_sample: expected padding_mode to be 'zeros', 'border' or 'reflection', but got '{padding_mode}'.", nameof(padding_mode)),
                };
                return Tensor.Wrap(NativeMethods.WcNn_grid_sampler(input.Handle, grid.Handle, modeCode, paddingCode, align_corners ? 1 : 0,
                    out var r), r);
            }
        }
    }
}
