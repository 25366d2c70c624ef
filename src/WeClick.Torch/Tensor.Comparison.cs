using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Comparisons (bool tensors), logical ops, NaN tests, where, and the bool-valued equal/allclose.
// Note: C# == and != on tensors stay reference equality (so tensors work as dictionary keys);
// use eq/ne for elementwise comparison and equal/allclose for a single answer.
public partial class Tensor
{
    /// <summary>Elementwise this == other (bool tensor).</summary>
    public Tensor eq(Tensor other) => Wrap(NativeMethods.WcTensor_eq(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise this == other (bool tensor).</summary>
    public Tensor eq(Scalar other) => Wrap(NativeMethods.WcTensor_eq_scalar(Handle, other.Native, out var r), r);
    /// <summary>Elementwise this != other (bool tensor).</summary>
    public Tensor ne(Tensor other) => Wrap(NativeMethods.WcTensor_ne(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise this != other (bool tensor).</summary>
    public Tensor ne(Scalar other) => Wrap(NativeMethods.WcTensor_ne_scalar(Handle, other.Native, out var r), r);
    /// <summary>Elementwise this &lt; other (bool tensor).</summary>
    public Tensor lt(Tensor other) => Wrap(NativeMethods.WcTensor_lt(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise this &lt; other (bool tensor).</summary>
    public Tensor lt(Scalar other) => Wrap(NativeMethods.WcTensor_lt_scalar(Handle, other.Native, out var r), r);
    /// <summary>Elementwise this ≤ other (bool tensor).</summary>
    public Tensor le(Tensor other) => Wrap(NativeMethods.WcTensor_le(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise this ≤ other (bool tensor).</summary>
    public Tensor le(Scalar other) => Wrap(NativeMethods.WcTensor_le_scalar(Handle, other.Native, out var r), r);
    /// <summary>Elementwise this &gt; other (bool tensor).</summary>
    public Tensor gt(Tensor other) => Wrap(NativeMethods.WcTensor_gt(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise this &gt; other (bool tensor).</summary>
    public Tensor gt(Scalar other) => Wrap(NativeMethods.WcTensor_gt_scalar(Handle, other.Native, out var r), r);
    /// <summary>Elementwise this ≥ other (bool tensor).</summary>
    public Tensor ge(Tensor other) => Wrap(NativeMethods.WcTensor_ge(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise this ≥ other (bool tensor).</summary>
    public Tensor ge(Scalar other) => Wrap(NativeMethods.WcTensor_ge_scalar(Handle, other.Native, out var r), r);

#pragma warning disable CS1591 // Elementwise comparisons returning bool tensors, as in PyTorch (== and != are NOT overloaded: use eq/ne).
    public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
    public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
    public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
    public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
    public static Tensor operator <(Tensor a, Scalar b) => a.lt(b);
    public static Tensor operator >(Tensor a, Scalar b) => a.gt(b);
    public static Tensor operator <=(Tensor a, Scalar b) => a.le(b);
    public static Tensor operator >=(Tensor a, Scalar b) => a.ge(b);
    public static Tensor operator <(Scalar a, Tensor b) => b.gt(a);
    public static Tensor operator >(Scalar a, Tensor b) => b.lt(a);
    public static Tensor operator <=(Scalar a, Tensor b) => b.ge(a);
    public static Tensor operator >=(Scalar a, Tensor b) => b.le(a);
#pragma warning restore CS1591

    /// <summary>Elementwise logical AND (nonzero is true); bool result.</summary>
    public Tensor logical_and(Tensor other) => Wrap(NativeMethods.WcTensor_logical_and(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise logical OR (nonzero is true); bool result.</summary>
    public Tensor logical_or(Tensor other) => Wrap(NativeMethods.WcTensor_logical_or(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise logical XOR (nonzero is true); bool result.</summary>
    public Tensor logical_xor(Tensor other) => Wrap(NativeMethods.WcTensor_logical_xor(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise logical NOT (nonzero is true); bool result.</summary>
    public Tensor logical_not() => Wrap(NativeMethods.WcTensor_logical_not(Handle, out var r), r);
    /// <summary>True where the element is NaN.</summary>
    public Tensor isnan() => Wrap(NativeMethods.WcTensor_isnan(Handle, out var r), r);
    /// <summary>True where the element is ±∞.</summary>
    public Tensor isinf() => Wrap(NativeMethods.WcTensor_isinf(Handle, out var r), r);
    /// <summary>True where the element is neither NaN nor ±∞.</summary>
    public Tensor isfinite() => Wrap(NativeMethods.WcTensor_isfinite(Handle, out var r), r);

    /// <summary>this where <paramref name="condition"/> holds, else <paramref name="other"/> (PyTorch's <c>x.where(cond, y)</c>).</summary>
    public Tensor where(Tensor condition, Tensor other) => torch.where(condition, this, other);
    /// <summary>this where <paramref name="condition"/> holds, else <paramref name="other"/>.</summary>
    public Tensor where(Tensor condition, Scalar other) => torch.where(condition, this, other);

    /// <summary>True when both tensors have the same shape and the same values (torch.equal).</summary>
    public bool equal(Tensor other)
    {
        NativeStatus.Check(NativeMethods.WcTensor_equal(Handle, other.Handle, out var result));
        return result != 0;
    }

    /// <summary>True when |this − other| ≤ atol + rtol·|other| everywhere (torch.allclose, broadcasting).</summary>
    public bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false)
    {
        NativeStatus.Check(NativeMethods.WcTensor_allclose(Handle, other.Handle, rtol, atol, equal_nan ? 1 : 0, out var result));
        return result != 0;
    }
}
