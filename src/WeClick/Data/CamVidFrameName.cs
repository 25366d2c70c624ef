using System.Globalization;
using System.Text.RegularExpressions;

namespace WeClick.Data;

/// <summary>
/// A CamVid file name <c>&lt;sequence&gt;_&lt;frame&gt;.png</c>, the frame being the index in the 30 fps source video;
/// sequences 0001TP, 0006R0 and Seq05VD write <c>f</c> before it (<c>0006R0_f00930</c>), 0016E5 does not (algorithms.md §2.5).
/// </summary>
/// <param name="Sequence">"0016E5".</param>
/// <param name="Prefix">"f" or "".</param>
/// <param name="Index">The frame index.</param>
/// <param name="Digits">Digits written (zero-padded), so that neighbours' names can be rebuilt.</param>
public sealed partial record CamVidFrameName(string Sequence, string Prefix, int Index, int Digits)
{
    /// <summary>The name without extension, e.g. "0006R0_f00930".</summary>
    public string Name => NameOf(Index);

    /// <summary>The name of frame <paramref name="index"/> of the same sequence, written the same way.</summary>
    public string NameOf(int index) =>
        $"{Sequence}_{Prefix}{index.ToString("D" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}";

    /// <summary>Parses "0016E5_07959.png" or "0006R0_f00930.png"; null for other names.</summary>
    public static CamVidFrameName? TryParse(string fileName)
    {
        var match = Pattern().Match(fileName);
        return match.Success
            ? new CamVidFrameName(match.Groups["seq"].Value, match.Groups["f"].Value,
                int.Parse(match.Groups["idx"].Value, CultureInfo.InvariantCulture), match.Groups["idx"].Length)
            : null;
    }

    [GeneratedRegex(@"^(?<seq>.+?)_(?<f>f?)(?<idx>\d+)\.png$")]
    private static partial Regex Pattern();
}
