using System.Globalization;
using System.Text.RegularExpressions;

namespace WeClick.Data;

/// <summary>A Cityscapes frame id <c>&lt;city&gt;_&lt;seq:D6&gt;_&lt;frame:D6&gt;</c> and the paths of its files (the on-disk contract).</summary>
/// <param name="Split">"train", "val" or "test".</param>
/// <param name="City">City folder name.</param>
/// <param name="Sequence">Sequence number.</param>
/// <param name="Frame">Frame number.</param>
public sealed partial record CityscapesFrameId(string Split, string City, int Sequence, int Frame)
{
    /// <summary>"aachen_000000_000019".</summary>
    public string Name => Stem(Frame);

    /// <summary><c>&lt;root&gt;/leftImg8bit_sequence/&lt;split&gt;/&lt;city&gt;/&lt;city&gt;_&lt;seq&gt;_&lt;frame&gt;_leftImg8bit.png</c> of frame <paramref name="frame"/> of this sequence.</summary>
    public string ImagePath(string root, int frame) =>
        Path.Combine(root, "leftImg8bit_sequence", Split, City, $"{Stem(frame)}_leftImg8bit.png");

    /// <summary>The labelIds file of this (labelled) frame.</summary>
    public string LabelPath(string root) => Path.Combine(root, "gtFine", Split, City, $"{Name}_gtFine_labelIds.png");

    /// <summary>The 16-bit instanceIds file of this frame.</summary>
    public string InstancePath(string root) => Path.Combine(root, "gtFine", Split, City, $"{Name}_gtFine_instanceIds.png");

    /// <summary>The ground-truth flow from this labelled frame's grid to frame <paramref name="frame"/> (synthetic data).</summary>
    public string FlowPath(string root, int frame) =>
        Path.Combine(root, "gtFlow", Split, City, $"{Name}_gtFlow_{frame.ToString("D6", CultureInfo.InvariantCulture)}.flo");

    /// <summary>The flow's validity mask (uint8 0/255).</summary>
    public string FlowValidPath(string root, int frame) =>
        Path.Combine(root, "gtFlow", Split, City, $"{Name}_gtFlowValid_{frame.ToString("D6", CultureInfo.InvariantCulture)}.png");

    /// <summary>Parses "&lt;city&gt;_&lt;seq&gt;_&lt;frame&gt;_&lt;suffix&gt;" file names; null for other names.</summary>
    public static CityscapesFrameId? TryParse(string split, string fileName)
    {
        var match = FileNamePattern().Match(fileName);
        return match.Success
            ? new CityscapesFrameId(split, match.Groups["city"].Value,
                int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["frame"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    private string Stem(int frame) => string.Create(CultureInfo.InvariantCulture, $"{City}_{Sequence:D6}_{frame:D6}");

    [GeneratedRegex(@"^(?<city>.+)_(?<seq>\d{6})_(?<frame>\d{6})_[A-Za-z0-9]+(_[A-Za-z]+)?\.png$")]
    private static partial Regex FileNamePattern();
}
