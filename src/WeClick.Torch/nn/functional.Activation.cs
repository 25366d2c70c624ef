namespace WeClick.Torch;

// torch.nn.functional: normalising activations (softmax, log_softmax).
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>softmax(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ) along <paramref name="dim"/>, as <c>F.softmax</c>.</summary>
            /// <param name="input">Any shape.</param>
            /// <param name="dim">The dimension that sums to one (required: PyTorch's implicit choice is deprecated).</param>
            /// <param name="dtype">If given, the input is converted to this dtype before the operation.</param>
            /// <exception cref="TorchException"><paramref name="dim"/> is out of range.</exception>
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);

            /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably, as <c>F.log_softmax</c>.</summary>
            /// <param name="input">Any shape.</param>
            /// <param name="dim">The dimension that is normalised.</param>
            /// <param name="dtype">If given, the input is converted to this dtype before the operation.</param>
            /// <exception cref="TorchException"><paramref name="dim"/> is out of range.</exception>
            public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
        }
    }
}
