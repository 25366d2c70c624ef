using TorchSharp;
using WeClick.Data;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Clicks;

/// <summary>
/// Simulates one click per object from a dense label map, as WeClick §4.2 describes (algorithms.md §2.1, A6, A7):
/// <list type="bullet">
/// <item>instance classes with an instance map: one click per instance segment (instance value ≥ 1000);
/// group regions of those classes (value &lt; 1000, e.g. cargroup) are treated like stuff (A6);</item>
/// <item>instance classes without an instance map (CamVid) and stuff classes: one click per connected component
/// (8-connected by default) of the class mask, dropping components under <see cref="ClickSettings.MinimumArea"/>;</item>
/// <item>the click is the centroid (mean row and column, rounded half away from zero) if that pixel belongs to
/// the object, else a uniformly random pixel of it;</item>
/// <item>ignore pixels are never clicked and separate components.</item>
/// </list>
/// </summary>
/// <remarks>
/// Reproducibility: the random pixel of an object comes from <c>new Random(objectSeed)</c> where
/// <c>objectSeed = SplitMix64(seed, classId, kind, key...)</c>, with key = the instance value for instances and the
/// component's bounding box and area (left, top, width, height, area) for components. A click therefore depends
/// only on the seed and the object itself, not on how many objects came before it. The object's pixels are listed
/// in row-major order (<c>nonzero()</c>) and the <c>Random.Next(area)</c>-th is taken.
/// Instance segments get no area threshold: the paper clicks every instance.
/// Work is done with tensor ops and OpenCV; managed code touches only per-object statistics.
/// </remarks>
public static class ClickGenerator
{
    private const int InstanceOffset = 1000; // Cityscapes instanceIds: labelId·1000 + k (CSS json2instanceImg.py)
    private const long MaxInstanceValue = 1 << 24;

    /// <summary>Generates the clicks of one image with <see cref="ClickSettings.Seed"/>.</summary>
    /// <inheritdoc cref="Generate(Tensor, Tensor?, ClickSettings, int)"/>
    public static IReadOnlyList<Click> Generate(Tensor label, Tensor? instances, ClickSettings settings) =>
        Generate(label, instances, settings, settings?.Seed ?? 0);

    /// <summary>Generates the clicks of one image.</summary>
    /// <param name="label">uint8 or int32 [H, W] trainIds (ignore pixels hold <see cref="ClickSettings.IgnoreIndex"/>).</param>
    /// <param name="instances">int32 [H, W] Cityscapes-style instance ids (≥ 1000 for individual instances), or null.</param>
    /// <param name="settings">Instance classes, ignore index, area threshold, connectivity.</param>
    /// <param name="seed">Seed of the random pixels (see remarks); use <see cref="ImageSeed"/> to give each image its own.</param>
    /// <returns>The clicks ordered by class, then instance value, then components in rank order.</returns>
    /// <exception cref="ArgumentException">The maps are not 2-D integer tensors of one shape, a label is negative,
    /// or an instance value is too large; the message names the value.</exception>
    public static IReadOnlyList<Click> Generate(Tensor label, Tensor? instances, ClickSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        CheckMap(label, "label", ScalarType.Byte, ScalarType.Int32);
        if (instances is not null)
        {
            CheckMap(instances, "instances", ScalarType.Int32, ScalarType.Int32);
            if (!instances.shape.SequenceEqual(label.shape))
            {
                throw new ArgumentException($"instances has shape [{string.Join(", ", instances.shape)}] but label has [{string.Join(", ", label.shape)}].", nameof(instances));
            }
        }

        using var scope = NewDisposeScope();
        var labels = label.cpu().to(ScalarType.Int32).contiguous();
        var height = (int)labels.size(0);
        var width = (int)labels.size(1);
        var valid = labels.ne(settings.IgnoreIndex);
        var values = labels.masked_select(valid).to(ScalarType.Int64);
        var clicks = new List<Click>();
        if (values.numel() == 0)
        {
            return clicks;
        }
        var lowest = values.min().item<long>(); // values are int64
        if (lowest < 0)
        {
            throw new ArgumentException($"label holds the negative class id {lowest}; only ids ≥ 0 and the ignore index {settings.IgnoreIndex} are allowed.", nameof(label));
        }
        var minimumArea = settings.MinimumArea(height, width);
        var instanceMap = instances?.cpu().to(ScalarType.Int32).contiguous();
        var connectivity = settings.EightConnectivity ? 8 : 4;

        foreach (var classId in PresentValues(values))
        {
            using var classScope = NewDisposeScope();
            var classMask = labels.eq(classId);
            if (instanceMap is not null && settings.InstanceClasses.Contains(classId))
            {
                var things = classMask.logical_and(instanceMap.ge(InstanceOffset));
                AddInstances(clicks, things, instanceMap, classId, seed);
                // Group regions (cargroup, persongroup, ...) have no instances: like stuff (A6).
                AddComponents(clicks, classMask.logical_and(things.logical_not()), classId, minimumArea, connectivity, seed);
            }
            else
            {
                AddComponents(clicks, classMask, classId, minimumArea, connectivity, seed);
            }
        }
        return clicks;
    }

    /// <summary>
    /// A per-image seed from a run seed and the image's name (FNV-1a of its UTF-16 code units, mixed with
    /// SplitMix64), stable across runs, machines and the order in which images are processed.
    /// </summary>
    public static int ImageSeed(int seed, string imageName)
    {
        ArgumentNullException.ThrowIfNull(imageName);
        var hash = 14695981039346656037UL;
        foreach (var ch in imageName)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }
        return ObjectSeed(seed, unchecked((long)hash));
    }

    /// <summary>SplitMix64 over the seed and the keys, folded to a non-negative int for <see cref="Random(int)"/>.</summary>
    internal static int ObjectSeed(int seed, params long[] keys)
    {
        var h = Mix(unchecked((ulong)seed));
        foreach (var key in keys)
        {
            h = Mix(h ^ unchecked((ulong)key));
        }
        return (int)((h ^ (h >> 32)) & int.MaxValue);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    // The distinct values of a 1-D int64 tensor of non-negative values, ascending (a histogram, no managed pixel loop).
    private static IEnumerable<int> PresentValues(Tensor values)
    {
        using var scope = NewDisposeScope();
        var highest = values.max().item<long>();
        if (highest >= MaxInstanceValue)
        {
            throw new ArgumentException($"value {highest} is too large for a class or instance id (limit {MaxInstanceValue - 1}).");
        }
        var counts = zeros([highest + 1], ScalarType.Int64).scatter_add_(0, values, ones_like(values));
        return HostArrays.ToArray<long>(counts.gt(0).nonzero()).Select(v => (int)v).ToArray();
    }

    // One click per instance segment (WeClick §4.2): a segment may be fragmented by occluders, so it is not a component.
    private static void AddInstances(List<Click> clicks, Tensor things, Tensor instanceMap, int classId, int seed)
    {
        var ids = instanceMap.masked_select(things).to(ScalarType.Int64);
        if (ids.numel() == 0)
        {
            return;
        }
        foreach (var id in PresentValues(ids))
        {
            using var scope = NewDisposeScope();
            var mask = things.logical_and(instanceMap.eq(id));
            var pixels = mask.nonzero();                                             // [N, 2] (row, col), row-major order
            var area = (int)pixels.size(0);
            var centroid = HostArrays.ToArray<double>(pixels.to(ScalarType.Float64).mean([0])); // [row, col]
            var rng = new Random(ObjectSeed(seed, classId, 0, id));
            var (x, y) = PlaceClick(centroid[1], centroid[0], mask, 1, () => pixels, area, rng);
            clicks.Add(new Click(x, y, classId, id, area));
        }
    }

    // One click per connected component of at least minimumArea pixels (WeClick §4.2: "< 512 pixels" are dropped).
    private static void AddComponents(List<Click> clicks, Tensor mask, int classId, int minimumArea, int connectivity, int seed)
    {
        using var scope = NewDisposeScope();
        using var components = Image.FindConnectedComponents(mask.to(ScalarType.Byte), connectivity);
        var kept = components.Components.Skip(1)
            .Where(c => c.Area >= minimumArea)
            .OrderBy(c => c.Top).ThenBy(c => c.Left).ThenBy(c => c.Area).ThenBy(c => c.CentroidY).ThenBy(c => c.CentroidX)
            .ToList();
        for (var rank = 0; rank < kept.Count; rank++)
        {
            using var componentScope = NewDisposeScope();
            var c = kept[rank];
            var rng = new Random(ObjectSeed(seed, classId, 1, c.Left, c.Top, c.Width, c.Height, c.Area));
            var (x, y) = PlaceClick(c.CentroidX, c.CentroidY, components.Labels, c.Index,
                () => components.Labels.eq(c.Index).nonzero(), c.Area, rng);
            clicks.Add(new Click(x, y, classId, rank + 1, c.Area));
        }
    }

    // The rounded centroid if the object holds it (map[y, x] == objectValue), else the rng.Next(area)-th pixel
    // of the object in row-major order (objectPixels: [area, 2] rows and columns, computed only when needed).
    private static (int X, int Y) PlaceClick(double centroidX, double centroidY, Tensor map, long objectValue,
        Func<Tensor> objectPixels, int area, Random rng)
    {
        var x = (int)Math.Round(centroidX, MidpointRounding.AwayFromZero);
        var y = (int)Math.Round(centroidY, MidpointRounding.AwayFromZero);
        using var row = map.select(0, y);
        using var value = row.select(0, x);
        if (value.ToInt64() == objectValue) // int32 labels or component ids: ToInt64 converts, item<long> would not
        {
            return (x, y);
        }
        var chosen = HostArrays.ToArray<long>(objectPixels().select(0, rng.Next(area))); // [row, col]
        return ((int)chosen[1], (int)chosen[0]);
    }

    private static void CheckMap(Tensor map, string name, ScalarType a, ScalarType b)
    {
        if (map.dim() != 2 || (map.dtype != a && map.dtype != b))
        {
            var types = a == b ? a.ToString() : $"{a} or {b}";
            throw new ArgumentException($"{name} must be a 2-D {types} tensor [H, W], not {map.dtype} [{string.Join(", ", map.shape)}].", name);
        }
        if (map.numel() == 0)
        {
            throw new ArgumentException($"{name} is empty ([{string.Join(", ", map.shape)}]).", name);
        }
    }
}
