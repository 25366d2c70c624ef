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

// Math functions and in-place fills shared by several families (optimizers, nn.init).
public partial class Tensor
{
    /// <summary>Elementwise square root.</summary>
    public Tensor sqrt() => Wrap(NativeMethods.WcTensor_sqrt(Handle, out var r), r);
    /// <summary>max(x, 0).</summary>
    public Tensor relu() => Wrap(NativeMethods.WcTensor_relu(Handle, out var r), r);
    /// <summary>In place: max(x, 0).</summary>
    public Tensor relu_() { NativeStatus.Check(NativeMethods.WcTensor_relu_(Handle)); return this; }
    /// <summary>min(max(x, 0), 6), as torch.nn.functional.relu6.</summary>
    public Tensor relu6() => Wrap(NativeMethods.WcTensor_relu6(Handle, out var r), r);
    /// <summary>In place: this += value·t1·t2.</summary>
    public Tensor addcmul_(Tensor t1, Tensor t2, Scalar? value = null) { NativeStatus.Check(NativeMethods.WcTensor_addcmul_(Handle, t1.Handle, t2.Handle, (value ?? 1).Native)); return this; }
    /// <summary>In place: this += value·t1/t2.</summary>
    public Tensor addcdiv_(Tensor t1, Tensor t2, Scalar? value = null) { NativeStatus.Check(NativeMethods.WcTensor_addcdiv_(Handle, t1.Handle, t2.Handle, (value ?? 1).Native)); return this; }
    /// <summary>In place: fills with U(from, to) draws from the default generator.</summary>
    public Tensor uniform_(double from = 0, double to = 1) { NativeStatus.Check(NativeMethods.WcTensor_uniform_(Handle, from, to)); return this; }
    /// <summary>In place: fills with N(mean, std²) draws from the default generator.</summary>
    public Tensor normal_(double mean = 0, double std = 1) { NativeStatus.Check(NativeMethods.WcTensor_normal_(Handle, mean, std)); return this; }
    /// <summary>In place: every element becomes <paramref name="value"/>.</summary>
    public Tensor fill_(Scalar value) { NativeStatus.Check(NativeMethods.WcTensor_fill_(Handle, value.Native)); return this; }
    /// <summary>In place: every element becomes 0.</summary>
    public Tensor zero_() { NativeStatus.Check(NativeMethods.WcTensor_zero_(Handle)); return this; }
}
