namespace WeClick.Notebooks.Kernel;

/// <summary>
/// Converts cursor positions between Jupyter's unit — Unicode code points, since protocol 5.2 — and .NET's UTF-16
/// offsets, which <see cref="Execution.ICellExecutor"/> uses. They differ after any character outside the BMP (emoji).
/// </summary>
public static class CodePointOffsets
{
    /// <summary>The UTF-16 offset of code point <paramref name="codePoints"/> in <paramref name="text"/>, clamped to the text.</summary>
    public static int ToUtf16(string text, int codePoints)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = 0;
        for (var seen = 0; seen < codePoints && offset < text.Length; seen++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }
        return offset;
    }

    /// <summary>How many code points precede UTF-16 offset <paramref name="utf16Offset"/> (clamped to the text).</summary>
    public static int ToCodePoints(string text, int utf16Offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = Math.Clamp(utf16Offset, 0, text.Length);
        var count = 0;
        for (var i = 0; i < end; i++)
        {
            // A surrogate pair counts once: skip its low half.
            if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            count++;
        }
        return count;
    }
}
