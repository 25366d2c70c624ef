using System.Globalization;

namespace WeClick.Testing;

/// <summary>Value assertions on tensors, with messages that say where and by how much they differ.</summary>
internal static class TensorAssert
{
    /// <summary>Asserts same shape and |actual − expected| ≤ atol + rtol·|expected| everywhere (NaN matches NaN, ±∞ matches itself).</summary>
    public static void Close(Tensor expected, Tensor actual, double rtol = 1e-5, double atol = 1e-7)
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = Doubles(expected);
        var a = Doubles(actual);
        var worst = -1;
        var worstExcess = 0.0;
        for (var i = 0; i < e.Length; i++)
        {
            if ((double.IsNaN(e[i]) && double.IsNaN(a[i])) || (double.IsInfinity(e[i]) && e[i] == a[i]))
            {
                continue; // NaN matches NaN; an infinity matches itself (inf - inf would be NaN)
            }
            var excess = Math.Abs(a[i] - e[i]) - (atol + rtol * Math.Abs(e[i]));
            if (double.IsNaN(excess) || excess > worstExcess)
            {
                worstExcess = double.IsNaN(excess) ? double.PositiveInfinity : excess;
                worst = i;
            }
        }
        if (worst >= 0)
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Tensors differ at flat index {worst}: expected {e[worst]:R}, actual {a[worst]:R} (rtol {rtol}, atol {atol}); shape [{string.Join(", ", expected.shape)}]."));
        }
    }

    /// <summary>Asserts same shape, same dtype and identical values.</summary>
    public static void Equal(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Close(expected, actual, rtol: 0, atol: 0);
    }

    /// <summary>Asserts the values equal <paramref name="expected"/> (row-major) within a tolerance.</summary>
    public static void Values(double[] expected, Tensor actual, double tolerance = 1e-6)
    {
        var a = Doubles(actual);
        Assert.Equal(expected.Length, a.Length);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.True(Math.Abs(a[i] - expected[i]) <= tolerance,
                string.Create(CultureInfo.InvariantCulture, $"Element {i}: expected {expected[i]:R}, actual {a[i]:R}."));
        }
    }

    /// <summary>The values of <paramref name="t"/> as float64, row-major, read on the CPU (any dtype, any device, any strides).</summary>
    public static double[] Doubles(Tensor t)
    {
        if (t.numel() == 0)
        {
            return [];
        }
        using var scope = torch.NewDisposeScope(); // the detached, moved and converted copies
        return t.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
    }
}
