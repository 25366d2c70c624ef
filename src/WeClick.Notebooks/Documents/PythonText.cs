namespace WeClick.Notebooks.Documents;

/// <summary>Python's <c>str.splitlines(keepends=True)</c>, which nbformat uses to store multi-line strings as lists.</summary>
public static class PythonText
{
    /// <summary>
    /// The lines of <paramref name="text"/>, each keeping its line break; the same boundaries as Python
    /// (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, <c>\v</c>, <c>\f</c>, <c>\x1c</c>–<c>\x1e</c>, <c>\x85</c>, U+2028, U+2029). An
    /// empty string has no lines.
    /// </summary>
    public static List<string> SplitLinesKeepEnds(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsLineBreak(c))
            {
                continue;
            }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }

    private static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
