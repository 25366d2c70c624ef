using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>
/// Cityscapes video clips in the official layout (algorithms.md §2.3, the on-disk contract): one clip per
/// <c>gtFine/&lt;split&gt;/&lt;city&gt;/*_gtFine_labelIds.png</c>; frames from <c>leftImg8bit_sequence</c>; labelIds mapped to
/// trainIds; instance ids from <c>*_gtFine_instanceIds.png</c> where present. The same code reads the synthetic set:
/// a <c>weclick-dataset.json</c> in the root gives its classes, snippet shape and ground-truth flows.
/// Neighbours must lie in the labelled frame's snippet (F − labelledIndex .. F − labelledIndex + length − 1).
/// </summary>
public sealed class CityscapesDataset : IClipDataset
{
    private readonly CityscapesFrameId[] items;

    /// <summary>Indexes the labelled frames of <paramref name="split"/> under <paramref name="root"/> (sorted by name).</summary>
    /// <exception cref="DirectoryNotFoundException">There is no <c>gtFine/&lt;split&gt;</c> folder.</exception>
    public CityscapesDataset(string root, string split, ClipDatasetOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(split);
        Root = root;
        Split = split;
        Options = options ?? new ClipDatasetOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.FramesPerClip, 1, nameof(options));
        Descriptor = DatasetDescriptor.ForRoot(root);
        var labels = Path.Combine(root, "gtFine", split);
        if (!Directory.Exists(labels))
        {
            throw new DirectoryNotFoundException($"No label folder '{labels}': is '{root}' a Cityscapes root (gtFine/, leftImg8bit_sequence/)?");
        }
        items = Directory.EnumerateFiles(labels, "*_gtFine_labelIds.png", SearchOption.AllDirectories)
            .Select(path => CityscapesFrameId.TryParse(split, Path.GetFileName(path)) is { } id
                ? id with { City = Path.GetFileName(Path.GetDirectoryName(path)!) }
                : throw new InvalidDataException($"'{path}' is not named <city>_<seq:D6>_<frame:D6>_gtFine_labelIds.png."))
            .OrderBy(id => id.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The dataset root.</summary>
    public string Root { get; }

    /// <summary>The split ("train", "val").</summary>
    public string Split { get; }

    /// <summary>Clip options (n, direction, policy, hooks).</summary>
    public ClipDatasetOptions Options { get; }

    /// <summary>The descriptor in effect (the root's <c>weclick-dataset.json</c>, or real Cityscapes').</summary>
    public DatasetDescriptor Descriptor { get; }

    /// <inheritdoc/>
    public string Name => $"{Descriptor.Classes.Name}/{Split}";

    /// <inheritdoc/>
    public int Count => items.Length;

    /// <inheritdoc/>
    public ClassSet Classes => Descriptor.Classes;

    /// <summary>The frame id of clip <paramref name="index"/>.</summary>
    public CityscapesFrameId Item(int index) => items[index];

    /// <inheritdoc/>
    public string ItemName(int index) => items[index].Name;

    /// <inheritdoc/>
    public Clip GetClip(int index, int seed) => GetClip(index, new Random(seed));

    /// <inheritdoc/>
    public Clip GetClip(int index, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, items.Length);
        var id = items[index];
        var f = id.Frame;
        var indices = NeighbourSampler.NeighbourIndices(f, Options.FramesPerClip, Options.Direction, Options.EffectivePolicy, random);
        var first = f - Descriptor.LabelledIndex;
        var last = first + Descriptor.SnippetLength - 1;
        foreach (var i in indices)
        {
            if (i < first || i > last)
            {
                throw new FileNotFoundException(
                    $"Neighbour frame {i} of '{id.Name}' lies outside its snippet (frames {first}..{last}): '{id.ImagePath(Root, i)}' is not part of the dataset.",
                    id.ImagePath(Root, i));
            }
        }
        var owned = new List<IDisposable?>();
        try
        {
            var imagePath = id.ImagePath(Root, f);
            var image = ClipFiles.ReadImage(imagePath);
            owned.Add(image);
            var size = (image.size(0), image.size(1));
            var label = ClipFiles.ReadLabel(id.LabelPath(Root), Classes, size, imagePath);
            owned.Add(label);
            var instancePath = id.InstancePath(Root);
            var instances = File.Exists(instancePath) ? ClipFiles.ReadMap(instancePath, size, imagePath) : null;
            owned.Add(instances);
            var neighbours = new List<ClipFrame>();
            foreach (var i in indices)
            {
                var path = id.ImagePath(Root, i);
                var frame = new ClipFrame(i, ClipFiles.ReadImage(path, size, imagePath), path);
                owned.Add(frame);
                if (Options.FlowSource is { } source)
                {
                    var request = new FlowRequest(Name, id.Name, imagePath, path, image, frame.Image)
                    {
                        GroundTruthFlowPath = Descriptor.GroundTruthFlow ? id.FlowPath(Root, i) : null,
                        GroundTruthValidPath = Descriptor.GroundTruthFlow ? id.FlowValidPath(Root, i) : null,
                    };
                    frame = ClipFiles.AttachFlow(frame, source(request), size, owned);
                }
                neighbours.Add(frame);
            }
            var clicks = Options.Clicks?.Invoke(id.Name, label, instances) ?? [];
            var valid0 = ClipFiles.AllValid(size.Item1, size.Item2);
            return new Clip(id.Name, f, image, label, valid0, neighbours)
            {
                Instances = instances,
                Clicks = clicks,
                ImagePath = imagePath,
                LabelPath = id.LabelPath(Root),
            };
        }
        catch
        {
            ClipFiles.DisposeAll(owned);
            throw;
        }
    }
}
