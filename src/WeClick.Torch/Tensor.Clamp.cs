using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Powers, clamping, elementwise extrema, interpolation and integer-style division.
public partial class Tensor
{
    /// <summary>Elementwise this^exponent (broadcasting).</summary>
    public Tensor pow(Tensor exponent) => Wrap(NativeMethods.WcTensor_pow(Handle, exponent.Handle, out var r), r);
    /// <summary>Elementwise this^exponent.</summary>
    public Tensor pow(Scalar exponent) => Wrap(NativeMethods.WcTensor_pow_scalar(Handle, exponent.Native, out var r), r);
    /// <summary>In place: this^exponent.</summary>
    public Tensor pow_(Tensor exponent) { NativeStatus.Check(NativeMethods.WcTensor_pow_(Handle, exponent.Handle)); return this; }
    /// <summary>In place: this^exponent.</summary>
    public Tensor pow_(Scalar exponent) { NativeStatus.Check(NativeMethods.WcTensor_pow_scalar_(Handle, exponent.Native)); return this; }

    /// <summary>x for x ≥ 0, negative_slope·x otherwise (torch.nn.functional.leaky_relu).</summary>
    public Tensor leaky_relu(double negative_slope = 0.01) => Wrap(NativeMethods.WcTensor_leaky_relu(Handle, ((Scalar)negative_slope).Native, out var r), r);
    /// <summary>In place: leaky ReLU.</summary>
    public Tensor leaky_relu_(double negative_slope = 0.01) { NativeStatus.Check(NativeMethods.WcTensor_leaky_relu_(Handle, ((Scalar)negative_slope).Native)); return this; }

    /// <summary>Limits every element to [min, max]; either bound may be omitted (not both).</summary>
    public unsafe Tensor clamp(Scalar? min = null, Scalar? max = null)
    {
        var lo = min?.Native ?? default;
        var hi = max?.Native ?? default;
        return Wrap(NativeMethods.WcTensor_clamp(Handle, min is null ? null : &lo, max is null ? null : &hi, out var r), r);
    }

    /// <summary>Limits every element to [min, max] with elementwise (broadcast) bounds; either may be null (not both).</summary>
    public Tensor clamp(Tensor? min, Tensor? max)
    {
        var status = NativeMethods.WcTensor_clamp_tensor(Handle, OptionalHandle(min), OptionalHandle(max), out var r);
        GC.KeepAlive(min);
        GC.KeepAlive(max);
        return Wrap(status, r);
    }

    /// <summary>In place: limits every element to [min, max]; either bound may be omitted (not both).</summary>
    public unsafe Tensor clamp_(Scalar? min = null, Scalar? max = null)
    {
        var lo = min?.Native ?? default;
        var hi = max?.Native ?? default;
        NativeStatus.Check(NativeMethods.WcTensor_clamp_(Handle, min is null ? null : &lo, max is null ? null : &hi));
        return this;
    }

    /// <summary>Alias of <see cref="clamp(Scalar?, Scalar?)"/>.</summary>
    public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);
    /// <summary>max(x, min).</summary>
    public Tensor clamp_min(Scalar min) => Wrap(NativeMethods.WcTensor_clamp_min(Handle, min.Native, out var r), r);
    /// <summary>min(x, max).</summary>
    public Tensor clamp_max(Scalar max) => Wrap(NativeMethods.WcTensor_clamp_max(Handle, max.Native, out var r), r);

    /// <summary>Elementwise maximum of two tensors (NaN propagates).</summary>
    public Tensor maximum(Tensor other) => Wrap(NativeMethods.WcTensor_maximum(Handle, other.Handle, out var r), r);
    /// <summary>Elementwise minimum of two tensors (NaN propagates).</summary>
    public Tensor minimum(Tensor other) => Wrap(NativeMethods.WcTensor_minimum(Handle, other.Handle, out var r), r);

    /// <summary>this + weight·(end − this).</summary>
    public Tensor lerp(Tensor end, Scalar weight) => Wrap(NativeMethods.WcTensor_lerp(Handle, end.Handle, weight.Native, out var r), r);
    /// <summary>this + weight·(end − this) with an elementwise weight.</summary>
    public Tensor lerp(Tensor end, Tensor weight) => Wrap(NativeMethods.WcTensor_lerp_tensor(Handle, end.Handle, weight.Handle, out var r), r);
    /// <summary>In place: this += weight·(end − this) (an exponential moving average step).</summary>
    public Tensor lerp_(Tensor end, Scalar weight) { NativeStatus.Check(NativeMethods.WcTensor_lerp_(Handle, end.Handle, weight.Native)); return this; }

    /// <summary>C-style remainder: the result has the sign of the dividend.</summary>
    public Tensor fmod(Scalar other) => Wrap(NativeMethods.WcTensor_fmod_scalar(Handle, other.Native, out var r), r);
    /// <summary>Python-style remainder: the result has the sign of the divisor (the <c>%</c> operator).</summary>
    public Tensor remainder(Scalar other) => Wrap(NativeMethods.WcTensor_remainder_scalar(Handle, other.Native, out var r), r);
    /// <summary>Division rounded toward −∞ (Python's <c>//</c>).</summary>
    public Tensor floor_divide(Scalar other) => Wrap(NativeMethods.WcTensor_floor_divide_scalar(Handle, other.Native, out var r), r);

    /// <summary>Python's <c>a % b</c>: <see cref="remainder"/>.</summary>
    public static Tensor operator %(Tensor a, Scalar b) => a.remainder(b);

    /// <summary>The raw handle of an optional tensor argument (zero for null); keep the tensor alive until the call returns.</summary>
    internal static IntPtr OptionalHandle(Tensor? t) => t is null ? IntPtr.Zero : t.Handle.DangerousGetHandle();
}
