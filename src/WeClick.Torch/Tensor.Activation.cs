using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Normalising activations on a tensor: softmax and log-softmax along one dimension.
public partial class Tensor
{
    /// <summary>softmax(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ) along <paramref name="dim"/> (negative counts from the end).</summary>
    /// <param name="dim">The dimension that sums to one.</param>
    /// <param name="dtype">If given, the input is converted to this dtype first (e.g. float64 for accuracy).</param>
    /// <exception cref="TorchException"><paramref name="dim"/> is out of range.</exception>
    public Tensor softmax(long dim, ScalarType? dtype = null) =>
        Wrap(NativeMethods.WcNn_softmax(Handle, dim, dtype is null ? -1 : (int)dtype.Value, out var r), r);

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably (x − logsumexp(x)).</summary>
    /// <param name="dim">The dimension that is normalised.</param>
    /// <param name="dtype">If given, the input is converted to this dtype first.</param>
    /// <exception cref="TorchException"><paramref name="dim"/> is out of range.</exception>
    public Tensor log_softmax(long dim, ScalarType? dtype = null) =>
        Wrap(NativeMethods.WcNn_log_softmax(Handle, dim, dtype is null ? -1 : (int)dtype.Value, out var r), r);
}
