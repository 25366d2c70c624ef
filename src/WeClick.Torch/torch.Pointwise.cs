using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Static forms of the pointwise ops (torch.where, torch.pow, torch.maximum, ...).
public static partial class torch
{
    /// <summary>Elements of <paramref name="input"/> where <paramref name="condition"/> holds, else of <paramref name="other"/> (broadcasting).</summary>
    public static Tensor where(Tensor condition, Tensor input, Tensor other) =>
        Tensor.Wrap(NativeMethods.WcTensor_where(condition.Handle, input.Handle, other.Handle, out var r), r);

    /// <summary>Elements of <paramref name="input"/> where <paramref name="condition"/> holds, else <paramref name="other"/>.</summary>
    public static Tensor where(Tensor condition, Tensor input, Scalar other) =>
        Tensor.Wrap(NativeMethods.WcTensor_where_scalar_other(condition.Handle, input.Handle, other.Native, out var r), r);

    /// <summary><paramref name="input"/> where <paramref name="condition"/> holds, else elements of <paramref name="other"/>.</summary>
    public static Tensor where(Tensor condition, Scalar input, Tensor other) =>
        Tensor.Wrap(NativeMethods.WcTensor_where_scalar_self(condition.Handle, input.Native, other.Handle, out var r), r);

    /// <summary>base^exponent elementwise, for a scalar base.</summary>
    public static Tensor pow(Scalar @base, Tensor exponent) =>
        Tensor.Wrap(NativeMethods.WcTensor_pow_scalar_base(@base.Native, exponent.Handle, out var r), r);

    /// <summary>input^exponent elementwise.</summary>
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);

    /// <summary>input^exponent elementwise.</summary>
    public static Tensor pow(Tensor input, Scalar exponent) => input.pow(exponent);

    /// <summary>Elementwise maximum.</summary>
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);

    /// <summary>Elementwise minimum.</summary>
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);

    /// <summary>Limits every element to [min, max].</summary>
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);

    /// <summary>True when both tensors have the same shape and values.</summary>
    public static bool equal(Tensor input, Tensor other) => input.equal(other);

    /// <summary>True when |input − other| ≤ atol + rtol·|other| everywhere.</summary>
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false) =>
        input.allclose(other, rtol, atol, equal_nan);

    /// <summary>True where the element is NaN.</summary>
    public static Tensor isnan(Tensor input) => input.isnan();

    /// <summary>True where the element is finite.</summary>
    public static Tensor isfinite(Tensor input) => input.isfinite();

    /// <summary>Elementwise eˣ.</summary>
    public static Tensor exp(Tensor input) => input.exp();

    /// <summary>Elementwise natural logarithm.</summary>
    public static Tensor log(Tensor input) => input.log();

    /// <summary>Elementwise |x|.</summary>
    public static Tensor abs(Tensor input) => input.abs();

    /// <summary>Elementwise logistic sigmoid.</summary>
    public static Tensor sigmoid(Tensor input) => input.sigmoid();

    /// <summary>Elementwise hyperbolic tangent.</summary>
    public static Tensor tanh(Tensor input) => input.tanh();

    /// <summary>Elementwise square root.</summary>
    public static Tensor sqrt(Tensor input) => input.sqrt();

    /// <summary>Elementwise logical NOT.</summary>
    public static Tensor logical_not(Tensor input) => input.logical_not();
}
