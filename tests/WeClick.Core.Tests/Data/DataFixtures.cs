using WeClick.Data;
using WeClick.Vision;

namespace WeClick.Core.Tests.Data;

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "weclick-data-" + Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Tiny images written with Image.Write in the exact on-disk layouts.</summary>
internal static class DataFixtures
{
    public static void WriteRgb(string path, int h, int w, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = new byte[h * w * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (r, g, b) = pixel(x, y);
                (data[(y * w + x) * 3], data[(y * w + x) * 3 + 1], data[(y * w + x) * 3 + 2]) = (r, g, b);
            }
        }
        using var t = tensor(data, [h, w, 3]);
        Image.Write(path, t);
    }

    public static void WriteGrey(string path, int h, int w, Func<int, int, byte> pixel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = new byte[h * w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                data[y * w + x] = pixel(x, y);
            }
        }
        using var t = tensor(data, [h, w]);
        Image.Write(path, t);
    }

    public static void WriteInt32(string path, int h, int w, Func<int, int, int> pixel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = new int[h * w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                data[y * w + x] = pixel(x, y);
            }
        }
        using var t = tensor(data, [h, w]);
        Image.Write(path, t);
    }

    /// <summary>
    /// A Cityscapes-layout root: city "aachen", sequence 0, labelled frames F = 19 and (second sequence) 1/19, snippets
    /// F−19..F+10; frame f's pixels are all (f, 2f mod 256, 7). Labels: left half road (7), right half car (26), first
    /// row unlabelled (0); instance ids 26000 on the car half.
    /// </summary>
    public static string Cityscapes(TempFolder folder, string split = "train", int h = 6, int w = 8, int sequences = 2)
    {
        var root = folder.Path;
        for (var seq = 0; seq < sequences; seq++)
        {
            for (var f = 0; f < 30; f++)
            {
                var value = f;
                WriteRgb(Path.Combine(root, "leftImg8bit_sequence", split, "aachen", $"aachen_{seq:D6}_{f:D6}_leftImg8bit.png"), h, w,
                    (_, _) => ((byte)value, (byte)(2 * value), 7));
            }
            WriteGrey(Path.Combine(root, "gtFine", split, "aachen", $"aachen_{seq:D6}_000019_gtFine_labelIds.png"), h, w,
                (x, y) => (byte)(y == 0 ? 0 : x < w / 2 ? 7 : 26));
            WriteInt32(Path.Combine(root, "gtFine", split, "aachen", $"aachen_{seq:D6}_000019_gtFine_instanceIds.png"), h, w,
                (x, y) => y == 0 ? 0 : x < w / 2 ? 7 : 26000);
        }
        return root;
    }

    /// <summary>A clip made in memory from uint8 [H, W, 3] / [H, W] arrays.</summary>
    public static Clip Clip(byte[] image, byte[] label, int h, int w, IReadOnlyList<ClipFrame>? neighbours = null) =>
        new("mem", 0, tensor(image, [h, w, 3]), tensor(label, [h, w]), ones([h, w], ScalarType.Byte), neighbours ?? []);
}
