using System.Globalization;
using System.Text.Json;

namespace WeClick.Data;

/// <summary>
/// The optional <c>&lt;root&gt;/weclick-dataset.json</c> beside a Cityscapes-layout dataset (the on-disk contract shared
/// with the synthetic writer). Absent for real Cityscapes, which then gets <see cref="Cityscapes"/>.
/// </summary>
/// <param name="Classes">The class set (name, classes, labelId → trainId, ignore index, instance classes).</param>
/// <param name="SnippetLength">Frames per video snippet (30: F−19 .. F+10).</param>
/// <param name="LabelledIndex">0-based position of the labelled frame F inside its snippet (19: the 20th frame).</param>
/// <param name="GroundTruthFlow">Whether <c>gtFlow/</c> holds ground-truth flows (synthetic data only).</param>
public sealed record DatasetDescriptor(ClassSet Classes, int SnippetLength = 30, int LabelledIndex = 19, bool GroundTruthFlow = false)
{
    /// <summary>The descriptor's file name.</summary>
    public const string FileName = "weclick-dataset.json";

    /// <summary>Real Cityscapes: 19 classes, 30-frame snippets with F at index 19, no ground-truth flow.</summary>
    public static DatasetDescriptor Cityscapes { get; } = new(ClassSet.Cityscapes);

    /// <summary>The descriptor in <paramref name="root"/>, or <see cref="Cityscapes"/> where the root has none.</summary>
    public static DatasetDescriptor ForRoot(string root)
    {
        var path = Path.Combine(root, FileName);
        return File.Exists(path) ? Read(path) : Cityscapes;
    }

    /// <summary>Reads a descriptor file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The JSON is malformed, a key is missing or a value is out of range; the message names the file and key.</exception>
    public static DatasetDescriptor Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Dataset descriptor not found: '{path}'.", path);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            try
            {
                var name = root.TryGetProperty("name", out var n) ? n.GetString() ?? "dataset" : "dataset";
                var classes = Required(root, "classes", path).EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
                var map = new Dictionary<int, int>();
                foreach (var entry in Required(root, "labelIdToTrainId", path).EnumerateObject())
                {
                    if (!int.TryParse(entry.Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                    {
                        throw new InvalidDataException($"'{path}': key \"labelIdToTrainId\" has a non-integer label id \"{entry.Name}\".");
                    }
                    map[id] = entry.Value.GetInt32();
                }
                var ignore = root.TryGetProperty("ignoreIndex", out var ig) ? ig.GetInt32() : 255;
                var instances = root.TryGetProperty("instanceClasses", out var ic) ? ic.EnumerateArray().Select(e => e.GetInt32()).ToArray() : [];
                foreach (var (id, trainId) in map)
                {
                    if (trainId != ignore && (trainId < 0 || trainId >= classes.Length))
                    {
                        throw new InvalidDataException(
                            $"'{path}': key \"labelIdToTrainId\" maps label id {id} to {trainId}, which is neither a class (0..{classes.Length - 1}) nor the ignore index {ignore}.");
                    }
                }
                var length = root.TryGetProperty("snippetLength", out var sl) ? sl.GetInt32() : 30;
                var labelled = root.TryGetProperty("labelledIndex", out var li) ? li.GetInt32() : 19;
                if (length < 1 || labelled < 0 || labelled >= length)
                {
                    throw new InvalidDataException($"'{path}': \"labelledIndex\" {labelled} must lie inside the snippet (\"snippetLength\" {length}).");
                }
                var flow = root.TryGetProperty("groundTruthFlow", out var gf) && gf.GetBoolean();
                return new DatasetDescriptor(new ClassSet(name, classes, map, instances, ignore), length, labelled, flow);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
            {
                throw new InvalidDataException($"'{path}': malformed dataset descriptor ({e.Message}).", e);
            }
        }
    }

    private static JsonElement Required(JsonElement root, string key, string path) =>
        root.TryGetProperty(key, out var value) ? value : throw new InvalidDataException($"'{path}': the descriptor has no \"{key}\".");
}
