using System.Runtime.CompilerServices;
using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Reductions: sums, means, extrema and arg-extrema. Dimensions may be negative (counted from the end).
// The dim overloads carry OverloadResolutionPriority: without it C# binds x.sum(0) to sum(ScalarType? dtype)
// (the literal 0 converts to any enum, here uint8) instead of the sum over dimension 0.
public partial class Tensor
{
    private static int Dtype(ScalarType? dtype) => dtype is null ? -1 : (int)dtype.Value;

    /// <summary>Sum of all elements (a 0-d tensor); integer inputs sum to int64 unless <paramref name="dtype"/> says otherwise.</summary>
    public Tensor sum(ScalarType? dtype = null) => Wrap(NativeMethods.WcTensor_sum(Handle, Dtype(dtype), out var r), r);

    /// <summary>Sum over the dimensions <paramref name="dim"/>.</summary>
    [OverloadResolutionPriority(1)]
    public unsafe Tensor sum(long[] dim, bool keepdim = false, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(dim);
        fixed (long* p = dim)
        {
            return Wrap(NativeMethods.WcTensor_sum_dims(Handle, p, dim.Length, keepdim ? 1 : 0, Dtype(dtype), out var r), r);
        }
    }

    /// <summary>Sum over dimension <paramref name="dim"/>.</summary>
    [OverloadResolutionPriority(1)]
    public Tensor sum(long dim, bool keepdim = false, ScalarType? dtype = null) => sum([dim], keepdim, dtype);

    /// <summary>Mean of all elements (floating-point inputs only, as in PyTorch).</summary>
    public Tensor mean(ScalarType? dtype = null) => Wrap(NativeMethods.WcTensor_mean(Handle, Dtype(dtype), out var r), r);

    /// <summary>Mean over the dimensions <paramref name="dim"/>.</summary>
    [OverloadResolutionPriority(1)]
    public unsafe Tensor mean(long[] dim, bool keepdim = false, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(dim);
        fixed (long* p = dim)
        {
            return Wrap(NativeMethods.WcTensor_mean_dims(Handle, p, dim.Length, keepdim ? 1 : 0, Dtype(dtype), out var r), r);
        }
    }

    /// <summary>Mean over dimension <paramref name="dim"/>.</summary>
    [OverloadResolutionPriority(1)]
    public Tensor mean(long dim, bool keepdim = false, ScalarType? dtype = null) => mean([dim], keepdim, dtype);

    /// <summary>Product of all elements.</summary>
    public Tensor prod(ScalarType? dtype = null) => Wrap(NativeMethods.WcTensor_prod(Handle, Dtype(dtype), out var r), r);

    /// <summary>Product over dimension <paramref name="dim"/>.</summary>
    [OverloadResolutionPriority(1)]
    public Tensor prod(long dim, bool keepdim = false, ScalarType? dtype = null) =>
        Wrap(NativeMethods.WcTensor_prod_dim(Handle, dim, keepdim ? 1 : 0, Dtype(dtype), out var r), r);

    /// <summary>The largest element (a 0-d tensor).</summary>
    public Tensor max() => Wrap(NativeMethods.WcTensor_max(Handle, out var r), r);

    /// <summary>The smallest element (a 0-d tensor).</summary>
    public Tensor min() => Wrap(NativeMethods.WcTensor_min(Handle, out var r), r);

    /// <summary>Largest values along <paramref name="dim"/> and their int64 indices (PyTorch's <c>x.max(dim)</c>).</summary>
    public (Tensor values, Tensor indices) max(long dim, bool keepdim = false)
    {
        NativeStatus.Check(NativeMethods.WcTensor_max_dim(Handle, dim, keepdim ? 1 : 0, out var values, out var indices));
        return (new Tensor(values), new Tensor(indices));
    }

    /// <summary>Smallest values along <paramref name="dim"/> and their int64 indices (PyTorch's <c>x.min(dim)</c>).</summary>
    public (Tensor values, Tensor indices) min(long dim, bool keepdim = false)
    {
        NativeStatus.Check(NativeMethods.WcTensor_min_dim(Handle, dim, keepdim ? 1 : 0, out var values, out var indices));
        return (new Tensor(values), new Tensor(indices));
    }

    /// <summary>Elementwise maximum with <paramref name="other"/> (PyTorch's <c>x.max(other)</c>, same as <see cref="maximum"/>).</summary>
    public Tensor max(Tensor other) => maximum(other);

    /// <summary>Elementwise minimum with <paramref name="other"/> (same as <see cref="minimum"/>).</summary>
    public Tensor min(Tensor other) => minimum(other);

    /// <summary>Largest values over <paramref name="dim"/> (all dimensions when null or empty), without indices.</summary>
    public unsafe Tensor amax(long[]? dim = null, bool keepdim = false)
    {
        var dims = dim ?? [];
        fixed (long* p = dims)
        {
            return Wrap(NativeMethods.WcTensor_amax(Handle, p, dims.Length, keepdim ? 1 : 0, out var r), r);
        }
    }

    /// <summary>Smallest values over <paramref name="dim"/> (all dimensions when null or empty), without indices.</summary>
    public unsafe Tensor amin(long[]? dim = null, bool keepdim = false)
    {
        var dims = dim ?? [];
        fixed (long* p = dims)
        {
            return Wrap(NativeMethods.WcTensor_amin(Handle, p, dims.Length, keepdim ? 1 : 0, out var r), r);
        }
    }

    /// <summary>Index of the largest element: in the flattened tensor when <paramref name="dim"/> is null, else along it (int64).</summary>
    public unsafe Tensor argmax(long? dim = null, bool keepdim = false)
    {
        var d = dim ?? 0;
        return Wrap(NativeMethods.WcTensor_argmax(Handle, dim is null ? null : &d, keepdim ? 1 : 0, out var r), r);
    }

    /// <summary>Index of the smallest element: in the flattened tensor when <paramref name="dim"/> is null, else along it (int64).</summary>
    public unsafe Tensor argmin(long? dim = null, bool keepdim = false)
    {
        var d = dim ?? 0;
        return Wrap(NativeMethods.WcTensor_argmin(Handle, dim is null ? null : &d, keepdim ? 1 : 0, out var r), r);
    }
}
