using WeClick.Torch.Interop;

namespace WeClick.Torch;

/// <summary>
/// A number passed to an op. Its kind (floating, integer, boolean) follows PyTorch's type promotion:
/// <c>int_tensor + 2</c> stays an integer tensor, <c>int_tensor + 2.5</c> becomes floating point.
/// </summary>
public readonly struct Scalar
{
    private readonly WcScalar _value;

    private Scalar(WcScalar value) => _value = value;

    /// <summary>A floating-point scalar.</summary>
    public static implicit operator Scalar(double value) => new(new WcScalar(0, value, 0));

    /// <summary>A floating-point scalar.</summary>
    public static implicit operator Scalar(float value) => new(new WcScalar(0, value, 0));

    /// <summary>An integer scalar.</summary>
    public static implicit operator Scalar(long value) => new(new WcScalar(1, 0, value));

    /// <summary>An integer scalar.</summary>
    public static implicit operator Scalar(int value) => new(new WcScalar(1, 0, value));

    /// <summary>A boolean scalar.</summary>
    public static implicit operator Scalar(bool value) => new(new WcScalar(2, 0, value ? 1 : 0));

    /// <summary>True for a floating-point scalar.</summary>
    public bool IsFloatingPoint => _value.Kind == 0;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => _value.Kind == 0 ? _value.F : _value.I;

    internal WcScalar Native => _value;

    /// <inheritdoc/>
    public override string ToString() => _value.Kind switch
    {
        0 => _value.F.ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => _value.I.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => _value.I != 0 ? "true" : "false",
    };
}
