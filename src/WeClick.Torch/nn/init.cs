namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Weight initialisation, as <c>torch.nn.init</c> (PyTorch 1.13): the same formulas and the same single
        /// draw from the default generator, so that <c>torch.manual_seed(s)</c> gives the same weights as in Python.
        /// Every function fills the tensor in place without recording gradients and returns it.
        /// </summary>
        public static class init
        {
            /// <summary>Which fan Kaiming initialisation scales by.</summary>
            public enum FanMode
            {
                /// <summary>Inputs per output: preserves the forward pass's variance.</summary>
                fan_in,
                /// <summary>Outputs per input: preserves the backward pass's variance.</summary>
                fan_out,
            }

            /// <summary>
            /// (fan_in, fan_out) of a weight of shape [out, in, k...]: fan_in = in·∏k, fan_out = out·∏k.
            /// </summary>
            /// <exception cref="ArgumentException">The tensor has fewer than 2 dimensions.</exception>
            public static (long fan_in, long fan_out) calculate_fan_in_and_fan_out(Tensor tensor)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                var shape = tensor.shape;
                if (shape.Length < 2)
                {
                    throw new ArgumentException($"Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got {shape.Length}).", nameof(tensor));
                }
                long receptive = 1;
                for (var i = 2; i < shape.Length; i++)
                {
                    receptive *= shape[i];
                }
                return (shape[1] * receptive, shape[0] * receptive);
            }

            /// <summary>
            /// The recommended gain for a nonlinearity: 1 for linear/conv/sigmoid, 5/3 for tanh, √2 for relu,
            /// √(2/(1+slope²)) for leaky_relu (slope = <paramref name="param"/>, default 0.01), 3/4 for selu.
            /// </summary>
            /// <exception cref="ArgumentException">Unknown nonlinearity.</exception>
            public static double calculate_gain(string nonlinearity, double? param = null)
            {
                ArgumentNullException.ThrowIfNull(nonlinearity);
                switch (nonlinearity)
                {
                    case "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" or "sigmoid":
                        return 1;
                    case "tanh":
                        return 5.0 / 3;
                    case "relu":
                        return Math.Sqrt(2.0);
                    case "leaky_relu":
                        var slope = param ?? 0.01;
                        return Math.Sqrt(2.0 / (1 + Math.Pow(slope, 2)));
                    case "selu":
                        return 3.0 / 4;
                    default:
                        throw new ArgumentException($"Unsupported nonlinearity '{nonlinearity}'; expected linear, conv1d/2d/3d, conv_transpose1d/2d/3d, sigmoid, tanh, relu, leaky_relu or selu.", nameof(nonlinearity));
                }
            }

            /// <summary>Fills with U(<paramref name="a"/>, <paramref name="b"/>).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1)
            {
                using var noGrad = no_grad();
                return tensor.uniform_(a, b);
            }

            /// <summary>Fills with N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1)
            {
                using var noGrad = no_grad();
                return tensor.normal_(mean, std);
            }

            /// <summary>Fills with <paramref name="val"/>.</summary>
            public static Tensor constant_(Tensor tensor, Scalar val)
            {
                using var noGrad = no_grad();
                return tensor.fill_(val);
            }

            /// <summary>Fills with 1.</summary>
            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1.0);

            /// <summary>Fills with 0.</summary>
            public static Tensor zeros_(Tensor tensor)
            {
                using var noGrad = no_grad();
                return tensor.zero_();
            }

            /// <summary>
            /// He et al. 2015: U(−bound, bound) with bound = √3·gain/√fan, gain = calculate_gain(nonlinearity, a).
            /// PyTorch's default layer init is <c>kaiming_uniform_(w, a: √5)</c>. A tensor with no elements is left as is.
            /// </summary>
            /// <exception cref="ArgumentException">Fewer than 2 dimensions, or an unknown nonlinearity.</exception>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanMode mode = FanMode.fan_in, string nonlinearity = "leaky_relu")
            {
                ArgumentNullException.ThrowIfNull(tensor);
                if (tensor.numel() == 0)
                {
                    return tensor;
                }
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(CorrectFan(tensor, mode));
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>He et al. 2015: N(0, std²) with std = gain/√fan, gain = calculate_gain(nonlinearity, a).</summary>
            /// <exception cref="ArgumentException">Fewer than 2 dimensions, or an unknown nonlinearity.</exception>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanMode mode = FanMode.fan_in, string nonlinearity = "leaky_relu")
            {
                ArgumentNullException.ThrowIfNull(tensor);
                if (tensor.numel() == 0)
                {
                    return tensor;
                }
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(CorrectFan(tensor, mode));
                return normal_(tensor, 0, std);
            }

            /// <summary>Glorot and Bengio 2010: U(−a, a) with a = √3·gain·√(2/(fan_in+fan_out)).</summary>
            /// <exception cref="ArgumentException">Fewer than 2 dimensions.</exception>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                var a = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -a, a);
            }

            /// <summary>Glorot and Bengio 2010: N(0, std²) with std = gain·√(2/(fan_in+fan_out)).</summary>
            /// <exception cref="ArgumentException">Fewer than 2 dimensions.</exception>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                return normal_(tensor, 0, std);
            }

            private static long CorrectFan(Tensor tensor, FanMode mode)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                return mode switch
                {
                    FanMode.fan_in => fanIn,
                    FanMode.fan_out => fanOut,
                    _ => throw new ArgumentException($"Mode {mode} not supported, please use one of fan_in, fan_out.", nameof(mode)),
                };
            }
        }
    }
}
