using TorchSharp;
using WeClick.Vision;
using static TorchSharp.torch;

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

    /// <summary>
    /// <paramref name="frame"/> with what a flow source returned for it, checked (see <see cref="CheckFlowField"/>); the
    /// flow tensors join <paramref name="owned"/>, which the dataset disposes if building the clip fails later.
    /// </summary>
    public static ClipFrame AttachFlow(ClipFrame frame, FlowField field, (long H, long W) expected, List<IDisposable?> owned)
    {
        var checkedField = CheckFlowField(field, expected, frame.Path);
        owned.Add(checkedField.Flow);
        owned.Add(checkedField.Valid);
        return frame with { Flow = checkedField.Flow, FlowValid = checkedField.Valid };
    }

    /// <summary>
    /// What a flow source returned, checked: flow float32 [2, H, W] and validity uint8 [H, W] (or null) of the target's size.
    /// On a mismatch both are disposed and the error names the neighbour frame.
    /// </summary>
    public static FlowField CheckFlowField(FlowField field, (long H, long W) expected, string neighbourPath)
    {
        ArgumentNullException.ThrowIfNull(field);
        var flow = field.Flow;
        var valid = field.Valid;
        string? problem = null;
        if (flow is null || flow.dim() != 3 || flow.size(0) != 2 || flow.size(1) != expected.H || flow.size(2) != expected.W || flow.dtype != ScalarType.Float32)
        {
            problem = flow is null ? "no flow" : $"flow {flow.dtype} [{string.Join(", ", flow.shape)}]";
        }
        else if (valid is not null && (valid.dim() != 2 || valid.size(0) != expected.H || valid.size(1) != expected.W || valid.dtype != ScalarType.Byte))
        {
            problem = $"validity {valid.dtype} [{string.Join(", ", valid.shape)}]";
        }
        if (problem is not null)
        {
            flow?.Dispose();
            valid?.Dispose();
            throw new InvalidDataException(
                $"The flow source gave {problem} for neighbour '{neighbourPath}'; expected flow Float32 [2, {expected.H}, {expected.W}] and validity Byte [{expected.H}, {expected.W}] or none.");
        }
        return field;
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
