namespace WeClick.Torch;

/// <summary>The raw bits of one bfloat16 value (the upper half of a float32), for reading bfloat16 tensors.</summary>
public readonly struct BFloat16 : IEquatable<BFloat16>
{
    /// <summary>Creates a value from its 16 raw bits.</summary>
    public BFloat16(ushort bits) => Bits = bits;

    /// <summary>The raw bits.</summary>
    public ushort Bits { get; }

    /// <summary>Widens exactly to float32.</summary>
    public static explicit operator float(BFloat16 value) => BitConverter.Int32BitsToSingle(value.Bits << 16);

    /// <summary>Rounds a float32 to the nearest bfloat16 (ties to even), as libtorch does.</summary>
    public static explicit operator BFloat16(float value)
    {
        if (float.IsNaN(value))
        {
            return new BFloat16(0x7FC0);
        }
        uint bits = (uint)BitConverter.SingleToInt32Bits(value);
        uint rounding = 0x7FFF + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + rounding) >> 16));
    }

    /// <inheritdoc/>
    public bool Equals(BFloat16 other) => Bits == other.Bits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is BFloat16 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Bits;

    /// <inheritdoc/>
    public override string ToString() => ((float)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
