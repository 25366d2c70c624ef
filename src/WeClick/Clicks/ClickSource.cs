using TorchSharp;
using WeClick.Data;
using static TorchSharp.torch;

namespace WeClick.Clicks;

/// <summary>
/// Where a dataset's clicks come from: the hook <see cref="ClipDatasetOptions.Clicks"/> that feeds click
/// points into clips, either generated on the fly from the dense label (WeClick §4.2) or read from the
/// click files that <see cref="DatasetClicks.Write"/> wrote.
/// </summary>
public static class ClickSource
{
    /// <summary>Generates clicks from each clip's unaugmented label and instance map; deterministic per image name and seed.</summary>
    public static Func<string, Tensor, Tensor?, IReadOnlyList<PointLabel>> Generate(ClickSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return (name, label, instances) => ToPoints(ClickGenerator.Generate(label, instances, settings, ClickGenerator.ImageSeed(settings.Seed, name)));
    }

    /// <summary>Reads clicks from <c>&lt;folder&gt;/&lt;name&gt;.clicks.json</c>; a missing file is an error naming it (run <c>weclick clicks</c> first).</summary>
    public static Func<string, Tensor, Tensor?, IReadOnlyList<PointLabel>> FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return (name, label, _) =>
        {
            var path = DatasetClicks.PathFor(folder, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"No click file for '{name}': '{path}' is missing (write clicks with `weclick clicks`).", path);
            }
            var file = ClickFile.Read(path);
            if (file.Height != label.size(0) || file.Width != label.size(1))
            {
                throw new InvalidDataException($"'{path}' was made for a {file.Width}×{file.Height} label, but '{name}' is {label.size(1)}×{label.size(0)}.");
            }
            return ToPoints(file.Clicks);
        };
    }

    private static IReadOnlyList<PointLabel> ToPoints(IReadOnlyList<Click> clicks) =>
        clicks.Select(c => new PointLabel(c.X, c.Y, c.ClassId)).ToArray();
}
