using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Pointwise arithmetic with broadcasting, the C# operators, and in-place variants (suffix _).
public partial class Tensor
{
    /// <summary>this + alpha·other.</summary>
    public Tensor add(Tensor other, Scalar? alpha = null) => Wrap(NativeMethods.WcTensor_add(Handle, other.Handle, (alpha ?? 1).Native, out var r), r);
    /// <summary>this + alpha·other.</summary>
    public Tensor add(Scalar other, Scalar? alpha = null) => Wrap(NativeMethods.WcTensor_add_scalar(Handle, other.Native, (alpha ?? 1).Native, out var r), r);
    /// <summary>In place: this += alpha·other.</summary>
    public Tensor add_(Tensor other, Scalar? alpha = null) { NativeStatus.Check(NativeMethods.WcTensor_add_(Handle, other.Handle, (alpha ?? 1).Native)); return this; }
    /// <summary>In place: this += alpha·other.</summary>
    public Tensor add_(Scalar other, Scalar? alpha = null) { NativeStatus.Check(NativeMethods.WcTensor_add_scalar_(Handle, other.Native, (alpha ?? 1).Native)); return this; }
    /// <summary>this − alpha·other.</summary>
    public Tensor sub(Tensor other, Scalar? alpha = null) => Wrap(NativeMethods.WcTensor_sub(Handle, other.Handle, (alpha ?? 1).Native, out var r), r);
    /// <summary>this − alpha·other.</summary>
    public Tensor sub(Scalar other, Scalar? alpha = null) => Wrap(NativeMethods.WcTensor_sub_scalar(Handle, other.Native, (alpha ?? 1).Native, out var r), r);
    /// <summary>In place: this −= alpha·other.</summary>
    public Tensor sub_(Tensor other, Scalar? alpha = null) { NativeStatus.Check(NativeMethods.WcTensor_sub_(Handle, other.Handle, (alpha ?? 1).Native)); return this; }
    /// <summary>In place: this −= alpha·other.</summary>
    public Tensor sub_(Scalar other, Scalar? alpha = null) { NativeStatus.Check(NativeMethods.WcTensor_sub_scalar_(Handle, other.Native, (alpha ?? 1).Native)); return this; }
    /// <summary>other − this.</summary>
    public Tensor rsub(Scalar other) => Wrap(NativeMethods.WcTensor_rsub_scalar(Handle, other.Native, out var r), r);
    /// <summary>Elementwise product.</summary>
    public Tensor mul(Tensor other) => Wrap(NativeMethods.WcTensor_mul(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise product.</summary>
    public Tensor mul(Scalar other) => Wrap(NativeMethods.WcTensor_mul_scalar(Handle, other.Native, out var r), r);
    /// <summary>In place: this ·= other.</summary>
    public Tensor mul_(Tensor other) { NativeStatus.Check(NativeMethods.WcTensor_mul_(Handle, other.Handle)); return this; }
    /// <summary>In place: this ·= other.</summary>
    public Tensor mul_(Scalar other) { NativeStatus.Check(NativeMethods.WcTensor_mul_scalar_(Handle, other.Native)); return this; }
    /// <summary>True division (integer inputs give floating results, as in PyTorch).</summary>
    public Tensor div(Tensor other) => Wrap(NativeMethods.WcTensor_div(Handle, other.Handle, out var r), r);
    /// <summary>True division.</summary>
    public Tensor div(Scalar other) => Wrap(NativeMethods.WcTensor_div_scalar(Handle, other.Native, out var r), r);
    /// <summary>In place: this /= other.</summary>
    public Tensor div_(Tensor other) { NativeStatus.Check(NativeMethods.WcTensor_div_(Handle, other.Handle)); return this; }
    /// <summary>In place: this /= other.</summary>
    public Tensor div_(Scalar other) { NativeStatus.Check(NativeMethods.WcTensor_div_scalar_(Handle, other.Native)); return this; }
    /// <summary>−this.</summary>
    public Tensor neg() => Wrap(NativeMethods.WcTensor_neg(Handle, out var r), r);
    /// <summary>1 / this.</summary>
    public Tensor reciprocal() => Wrap(NativeMethods.WcTensor_reciprocal(Handle, out var r), r);

#pragma warning disable CS1591 // The operators mean what PyTorch's do.
    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    public static Tensor operator +(Tensor a, Scalar b) => a.add(b);
    public static Tensor operator +(Scalar a, Tensor b) => b.add(a);
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    public static Tensor operator -(Tensor a, Scalar b) => a.sub(b);
    public static Tensor operator -(Scalar a, Tensor b) => b.rsub(a);
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    public static Tensor operator *(Tensor a, Scalar b) => a.mul(b);
    public static Tensor operator *(Scalar a, Tensor b) => b.mul(a);
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    public static Tensor operator /(Tensor a, Scalar b) => a.div(b);
    // Python's 2 / x is reciprocal(x) * 2 (Tensor.__rtruediv__); the same here.
    public static Tensor operator /(Scalar a, Tensor b)
    {
        using var reciprocal = b.reciprocal();
        return reciprocal.mul(a);
    }
    public static Tensor operator -(Tensor a) => a.neg();
#pragma warning restore CS1591
}
