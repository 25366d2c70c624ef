namespace WeClick.Core.Tests.Clicks;

/// <summary>Hand-made label maps for the click tests.</summary>
internal static class LabelMaps
{
    /// <summary>A uint8 [H, W] map from text rows: '0'..'9' are classes 0..9, 'a'..'f' 10..15, '.' is 255 (ignore).</summary>
    public static Tensor FromRows(params string[] rows)
    {
        var width = rows[0].Length;
        var data = new byte[rows.Length * width];
        for (var y = 0; y < rows.Length; y++)
        {
            Assert.Equal(width, rows[y].Length);
            for (var x = 0; x < width; x++)
            {
                var ch = rows[y][x];
                data[y * width + x] = ch switch
                {
                    '.' => 255,
                    >= '0' and <= '9' => (byte)(ch - '0'),
                    >= 'a' and <= 'f' => (byte)(ch - 'a' + 10),
                    _ => throw new ArgumentException($"bad fixture character '{ch}'"),
                };
            }
        }
        return tensor(data, [rows.Length, width]);
    }

    /// <summary>A map of the given size filled with <paramref name="value"/>.</summary>
    public static Tensor Filled(int height, int width, int value, ScalarType dtype = ScalarType.Byte) =>
        full([height, width], value, dtype);

    /// <summary>Sets the rectangle [x, x+w) × [y, y+h) of a [H, W] map to <paramref name="value"/> in place.</summary>
    public static void Fill(Tensor map, int x, int y, int w, int h, int value)
    {
        using var rows = map.narrow(0, y, h);
        using var block = rows.narrow(1, x, w);
        block.fill_(value);
    }

    /// <summary>The value at (x, y).</summary>
    public static int At(Tensor map, int x, int y)
    {
        using var row = map.select(0, y);
        using var value = row.select(0, x);
        return value.ToInt32();
    }
}
