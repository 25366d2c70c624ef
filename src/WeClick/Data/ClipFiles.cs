using WeClick.Torch;
using WeClick.Torch.Vision;
using static WeClick.Torch.torch;

namespace WeClick.Data;

/// <summary>File reading shared by the datasets, with errors that name the file.</summary>
internal static class ClipFiles
{
    /// <summary>An RGB frame; with an expected size, one that differs is an error naming both files' sizes.</summary>
    public static Tensor ReadImage(string path, (long H, long W)? expected = null, string? reference = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Missing frame: '{path}'.", path);
        }
        var image = Image.Read(path);
        CheckSize(image, path, expected, reference);
        return image;
    }

    /// <summary>A label file mapped to trainIds through <paramref name="classes"/>.</summary>
    public static Tensor ReadLabel(string path, ClassSet classes, (long H, long W) expected, string reference)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Missing label: '{path}'.", path);
        }
        using var raw = Image.ReadLabel(path);
        CheckSize(raw, path, expected, reference);
        return classes.ToTrainIds(raw, path);
    }

    /// <summary>A single-channel map (instance ids, flow validity) of the expected size.</summary>
    public static Tensor ReadMap(string path, (long H, long W) expected, string reference)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Missing file: '{path}'.", path);
        }
        var map = Image.ReadLabel(path);
        CheckSize(map, path, expected, reference);
        return map;
    }

    /// <summary>A flow through the caller's reader, checked to be float [2, H, W] of the expected size.</summary>
    public static Tensor ReadFlow(string path, Func<string, Tensor> reader, (long H, long W) expected, string reference)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Missing flow: '{path}'.", path);
        }
        var flow = reader(path);
        if (flow.dim() != 3 || flow.size(0) != 2 || flow.size(1) != expected.H || flow.size(2) != expected.W)
        {
            var shape = string.Join(", ", flow.shape);
            flow.Dispose();
            throw new InvalidDataException($"'{path}': flow of shape [{shape}], expected [2, {expected.H}, {expected.W}] like '{reference}'.");
        }
        using (flow)
        {
            return flow.to(ScalarType.Float32, copy: true);
        }
    }

    /// <summary>uint8 [H, W] of ones: every pixel of an unaugmented frame is real.</summary>
    public static Tensor AllValid(long h, long w) => ones([h, w], ScalarType.Byte);

    /// <summary>Disposes what was read so far when building a clip fails.</summary>
    public static void DisposeAll(IEnumerable<IDisposable?> items)
    {
        foreach (var item in items)
        {
            item?.Dispose();
        }
    }

    private static void CheckSize(Tensor t, string path, (long H, long W)? expected, string? reference)
    {
        if (expected is { } e && (t.size(0) != e.H || t.size(1) != e.W))
        {
            var size = $"{t.size(1)}×{t.size(0)}";
            t.Dispose();
            throw new InvalidDataException(
                $"'{path}' is {size} but '{reference}' is {e.W}×{e.H}: every frame and label of a clip must have the same size.");
        }
    }
}
