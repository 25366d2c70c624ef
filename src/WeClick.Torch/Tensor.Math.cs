using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Elementwise math functions, each with an in-place twin (suffix _).
public partial class Tensor
{
    /// <summary>Elementwise: eˣ.</summary>
    public Tensor exp() => Wrap(NativeMethods.WcTensor_exp(Handle, out var r), r);
    /// <summary>In place: eˣ.</summary>
    public Tensor exp_() { NativeStatus.Check(NativeMethods.WcTensor_exp_(Handle)); return this; }
    /// <summary>Elementwise: Natural logarithm.</summary>
    public Tensor log() => Wrap(NativeMethods.WcTensor_log(Handle, out var r), r);
    /// <summary>In place: Natural logarithm.</summary>
    public Tensor log_() { NativeStatus.Check(NativeMethods.WcTensor_log_(Handle)); return this; }
    /// <summary>Elementwise: Base-2 logarithm.</summary>
    public Tensor log2() => Wrap(NativeMethods.WcTensor_log2(Handle, out var r), r);
    /// <summary>In place: Base-2 logarithm.</summary>
    public Tensor log2_() { NativeStatus.Check(NativeMethods.WcTensor_log2_(Handle)); return this; }
    /// <summary>Elementwise: log(1 + x), accurate for small x.</summary>
    public Tensor log1p() => Wrap(NativeMethods.WcTensor_log1p(Handle, out var r), r);
    /// <summary>In place: log(1 + x), accurate for small x.</summary>
    public Tensor log1p_() { NativeStatus.Check(NativeMethods.WcTensor_log1p_(Handle)); return this; }
    /// <summary>Elementwise: eˣ − 1, accurate for small x.</summary>
    public Tensor expm1() => Wrap(NativeMethods.WcTensor_expm1(Handle, out var r), r);
    /// <summary>In place: eˣ − 1, accurate for small x.</summary>
    public Tensor expm1_() { NativeStatus.Check(NativeMethods.WcTensor_expm1_(Handle)); return this; }
    /// <summary>Elementwise: |x|.</summary>
    public Tensor abs() => Wrap(NativeMethods.WcTensor_abs(Handle, out var r), r);
    /// <summary>In place: |x|.</summary>
    public Tensor abs_() { NativeStatus.Check(NativeMethods.WcTensor_abs_(Handle)); return this; }
    /// <summary>Elementwise: 1 / (1 + e⁻ˣ).</summary>
    public Tensor sigmoid() => Wrap(NativeMethods.WcTensor_sigmoid(Handle, out var r), r);
    /// <summary>In place: 1 / (1 + e⁻ˣ).</summary>
    public Tensor sigmoid_() { NativeStatus.Check(NativeMethods.WcTensor_sigmoid_(Handle)); return this; }
    /// <summary>Elementwise: Hyperbolic tangent.</summary>
    public Tensor tanh() => Wrap(NativeMethods.WcTensor_tanh(Handle, out var r), r);
    /// <summary>In place: Hyperbolic tangent.</summary>
    public Tensor tanh_() { NativeStatus.Check(NativeMethods.WcTensor_tanh_(Handle)); return this; }
    /// <summary>Elementwise: Sine.</summary>
    public Tensor sin() => Wrap(NativeMethods.WcTensor_sin(Handle, out var r), r);
    /// <summary>In place: Sine.</summary>
    public Tensor sin_() { NativeStatus.Check(NativeMethods.WcTensor_sin_(Handle)); return this; }
    /// <summary>Elementwise: Cosine.</summary>
    public Tensor cos() => Wrap(NativeMethods.WcTensor_cos(Handle, out var r), r);
    /// <summary>In place: Cosine.</summary>
    public Tensor cos_() { NativeStatus.Check(NativeMethods.WcTensor_cos_(Handle)); return this; }
    /// <summary>Elementwise: Largest integer ≤ x.</summary>
    public Tensor floor() => Wrap(NativeMethods.WcTensor_floor(Handle, out var r), r);
    /// <summary>In place: Largest integer ≤ x.</summary>
    public Tensor floor_() { NativeStatus.Check(NativeMethods.WcTensor_floor_(Handle)); return this; }
    /// <summary>Elementwise: Smallest integer ≥ x.</summary>
    public Tensor ceil() => Wrap(NativeMethods.WcTensor_ceil(Handle, out var r), r);
    /// <summary>In place: Smallest integer ≥ x.</summary>
    public Tensor ceil_() { NativeStatus.Check(NativeMethods.WcTensor_ceil_(Handle)); return this; }
    /// <summary>Elementwise: Nearest integer, halves to even (as PyTorch).</summary>
    public Tensor round() => Wrap(NativeMethods.WcTensor_round(Handle, out var r), r);
    /// <summary>In place: Nearest integer, halves to even (as PyTorch).</summary>
    public Tensor round_() { NativeStatus.Check(NativeMethods.WcTensor_round_(Handle)); return this; }
    /// <summary>Elementwise: Integer part (rounds toward zero).</summary>
    public Tensor trunc() => Wrap(NativeMethods.WcTensor_trunc(Handle, out var r), r);
    /// <summary>In place: Integer part (rounds toward zero).</summary>
    public Tensor trunc_() { NativeStatus.Check(NativeMethods.WcTensor_trunc_(Handle)); return this; }
    /// <summary>Elementwise: −1, 0 or 1 by the sign of x.</summary>
    public Tensor sign() => Wrap(NativeMethods.WcTensor_sign(Handle, out var r), r);
    /// <summary>In place: −1, 0 or 1 by the sign of x.</summary>
    public Tensor sign_() { NativeStatus.Check(NativeMethods.WcTensor_sign_(Handle)); return this; }
    /// <summary>Elementwise: x².</summary>
    public Tensor square() => Wrap(NativeMethods.WcTensor_square(Handle, out var r), r);
    /// <summary>In place: x².</summary>
    public Tensor square_() { NativeStatus.Check(NativeMethods.WcTensor_square_(Handle)); return this; }
    /// <summary>Elementwise: 1 / √x.</summary>
    public Tensor rsqrt() => Wrap(NativeMethods.WcTensor_rsqrt(Handle, out var r), r);
    /// <summary>In place: 1 / √x.</summary>
    public Tensor rsqrt_() { NativeStatus.Check(NativeMethods.WcTensor_rsqrt_(Handle)); return this; }
    /// <summary>In place: square root.</summary>
    public Tensor sqrt_() { NativeStatus.Check(NativeMethods.WcTensor_sqrt_(Handle)); return this; }
    /// <summary>In place: −x.</summary>
    public Tensor neg_() { NativeStatus.Check(NativeMethods.WcTensor_neg_(Handle)); return this; }
}
