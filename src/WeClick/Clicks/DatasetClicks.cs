using TorchSharp;
using WeClick.Data;
using static TorchSharp.torch;

namespace WeClick.Clicks;

/// <summary>Writes one click file per labelled frame of a dataset (WeClick §4.2), reproducibly for a seed.</summary>
public static class DatasetClicks
{
    /// <summary>The click file of image <paramref name="name"/> in <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, string name) => Path.Combine(folder, name + ".clicks.json");

    /// <summary>
    /// Generates clicks for every item of <paramref name="dataset"/> from its dense label (and instance map, where the
    /// dataset has one) and writes <c>&lt;folder&gt;/&lt;name&gt;.clicks.json</c> atomically.
    /// </summary>
    /// <param name="dataset">Any dataset; only the target label (and instances) of each item are used.</param>
    /// <param name="settings">Click rules and the seed; each image's seed derives from it and the image name.</param>
    /// <param name="folder">Output folder (created).</param>
    /// <param name="progress">Told the number of images done after each one.</param>
    /// <returns>Statistics over every written file.</returns>
    public static ClickStatistics Write(IClipDataset dataset, ClickSettings settings, string folder, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Directory.CreateDirectory(folder);
        var written = new List<ImageClicks>(dataset.Count);
        for (var i = 0; i < dataset.Count; i++)
        {
            using var scope = torch.NewDisposeScope();
            using var clip = dataset.GetClip(i, seed: 0); // no augmentation: clicks belong to the original label
            var name = dataset.ItemName(i);
            var clicks = ClickGenerator.Generate(clip.Label, clip.Instances, settings, ClickGenerator.ImageSeed(settings.Seed, name));
            var valid = clip.Label.ne(settings.IgnoreIndex).sum().item<long>();
            var file = new ImageClicks(name, (int)clip.Height, (int)clip.Width, clicks, valid);
            ClickFile.Write(PathFor(folder, name), file);
            written.Add(file);
            progress?.Report(i + 1);
        }
        return ClickStatistics.Compute(written, settings.Radius);
    }
}
