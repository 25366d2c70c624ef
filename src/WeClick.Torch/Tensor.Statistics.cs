using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Reductions, continued: spread, logical, norms and cumulative ops.
public partial class Tensor
{
    /// <summary>Standard deviation of all elements; <paramref name="unbiased"/> divides by N − 1 (PyTorch's default) instead of N.</summary>
    public unsafe Tensor std(bool unbiased = true) =>
        Wrap(NativeMethods.WcTensor_std(Handle, null, 0, unbiased ? 1 : 0, 0, out var r), r);

    /// <summary>Standard deviation over the dimensions <paramref name="dim"/>.</summary>
    public unsafe Tensor std(long[] dim, bool unbiased = true, bool keepdim = false)
    {
        ArgumentNullException.ThrowIfNull(dim);
        fixed (long* p = dim)
        {
            return Wrap(NativeMethods.WcTensor_std(Handle, p, dim.Length, unbiased ? 1 : 0, keepdim ? 1 : 0, out var r), r);
        }
    }

    /// <summary>Standard deviation over dimension <paramref name="dim"/>.</summary>
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => std([dim], unbiased, keepdim);

    /// <summary>Variance of all elements; <paramref name="unbiased"/> divides by N − 1 (PyTorch's default) instead of N.</summary>
    public unsafe Tensor var(bool unbiased = true) =>
        Wrap(NativeMethods.WcTensor_var(Handle, null, 0, unbiased ? 1 : 0, 0, out var r), r);

    /// <summary>Variance over the dimensions <paramref name="dim"/>.</summary>
    public unsafe Tensor var(long[] dim, bool unbiased = true, bool keepdim = false)
    {
        ArgumentNullException.ThrowIfNull(dim);
        fixed (long* p = dim)
        {
            return Wrap(NativeMethods.WcTensor_var(Handle, p, dim.Length, unbiased ? 1 : 0, keepdim ? 1 : 0, out var r), r);
        }
    }

    /// <summary>Variance over dimension <paramref name="dim"/>.</summary>
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => var([dim], unbiased, keepdim);

    /// <summary>True (a 0-d bool tensor) when every element is nonzero.</summary>
    public Tensor all() => Wrap(NativeMethods.WcTensor_all(Handle, out var r), r);

    /// <summary>Whether every element along <paramref name="dim"/> is nonzero.</summary>
    public Tensor all(long dim, bool keepdim = false) => Wrap(NativeMethods.WcTensor_all_dim(Handle, dim, keepdim ? 1 : 0, out var r), r);

    /// <summary>True (a 0-d bool tensor) when some element is nonzero.</summary>
    public Tensor any() => Wrap(NativeMethods.WcTensor_any(Handle, out var r), r);

    /// <summary>Whether some element along <paramref name="dim"/> is nonzero.</summary>
    public Tensor any(long dim, bool keepdim = false) => Wrap(NativeMethods.WcTensor_any_dim(Handle, dim, keepdim ? 1 : 0, out var r), r);

    /// <summary>The p-norm over <paramref name="dim"/>, or of all elements (flattened) when it is null; p may be ∞.</summary>
    public unsafe Tensor norm(double p = 2, long[]? dim = null, bool keepdim = false)
    {
        fixed (long* d = dim)
        {
            return Wrap(NativeMethods.WcTensor_norm(Handle, ((Scalar)p).Native, d, dim?.Length ?? 0, keepdim ? 1 : 0, out var r), r);
        }
    }

    /// <summary>log Σ exp(x) over the dimensions <paramref name="dim"/>, computed stably.</summary>
    public unsafe Tensor logsumexp(long[] dim, bool keepdim = false)
    {
        ArgumentNullException.ThrowIfNull(dim);
        fixed (long* p = dim)
        {
            return Wrap(NativeMethods.WcTensor_logsumexp(Handle, p, dim.Length, keepdim ? 1 : 0, out var r), r);
        }
    }

    /// <summary>log Σ exp(x) over dimension <paramref name="dim"/>.</summary>
    public Tensor logsumexp(long dim, bool keepdim = false) => logsumexp([dim], keepdim);

    /// <summary>Running sum along <paramref name="dim"/>.</summary>
    public Tensor cumsum(long dim, ScalarType? dtype = null) => Wrap(NativeMethods.WcTensor_cumsum(Handle, dim, Dtype(dtype), out var r), r);

    /// <summary>Running product along <paramref name="dim"/>.</summary>
    public Tensor cumprod(long dim, ScalarType? dtype = null) => Wrap(NativeMethods.WcTensor_cumprod(Handle, dim, Dtype(dtype), out var r), r);
}
