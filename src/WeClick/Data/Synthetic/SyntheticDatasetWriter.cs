using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using WeClick.Serialization;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Data.Synthetic;

/// <summary>
/// Writes the synthetic video to disk in the project's on-disk contract (Cityscapes layout, algorithms.md §2.3),
/// city "synthetic", splits "train" and "val", snippet s and frame t named <c>synthetic_{s:D6}_{t:D6}</c>:
/// <code>
/// leftImg8bit_sequence/{split}/synthetic/synthetic_{s}_{t}_leftImg8bit.png      every frame (RGB)
/// gtFine/{split}/synthetic/synthetic_{s}_{F}_gtFine_labelIds.png                frame F, 8-bit class ids (= train ids)
/// gtFine/{split}/synthetic/synthetic_{s}_{F}_gtFine_instanceIds.png             frame F, 16-bit classId·1000 + k
/// gtFlow/{split}/synthetic/synthetic_{s}_{F}_gtFlow_{f}.flo                     flow F → f on F's grid (backward warping)
/// gtFlow/{split}/synthetic/synthetic_{s}_{F}_gtFlowValid_{f}.png                0/255: visible in both frames
/// weclick-dataset.json                                                          descriptor (classes, ids, snippet shape, settings)
/// </code>
/// </summary>
public static class SyntheticDatasetWriter
{
    /// <summary>The descriptor's file name in the dataset root.</summary>
    public const string DescriptorFileName = "weclick-dataset.json";

    /// <summary>The city (folder and file-name prefix) of every synthetic file.</summary>
    public const string City = "synthetic";

    /// <summary>The descriptor key that holds the generator settings.</summary>
    public const string SettingsKey = "syntheticSettings";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>
    /// Generates every snippet of both splits and writes them under <paramref name="root"/> (created if missing).
    /// Writing again with the same settings rewrites the same bytes (so an interrupted run can be repeated);
    /// files are written atomically (temporary file + rename).
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="root"/> holds a descriptor written with different
    /// settings (the message lists them), or is a non-empty folder without a descriptor.</exception>
    /// <exception cref="InvalidDataException">The existing descriptor is not valid JSON.</exception>
    public static SyntheticWriteReport Write(string root, SyntheticVideoSettings settings, IProgress<SyntheticWriteProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var video = new SyntheticVideo(settings);
        var clock = Stopwatch.StartNew();
        var descriptor = Descriptor(video.Settings);
        var descriptorPath = Path.Combine(root, DescriptorFileName);
        CheckRoot(root, descriptorPath, (JsonObject)descriptor[SettingsKey]!);
        Directory.CreateDirectory(root);
        var bytes = WriteText(descriptorPath, descriptor.ToJsonString(Json));
        int snippets = 0, frames = 0, labels = 0, flows = 0;
        var total = video.Settings.TrainSnippets + video.Settings.ValSnippets;
        var f = video.Settings.LabelledIndex;
        foreach (var split in SyntheticVideo.Splits)
        {
            var images = Directory.CreateDirectory(Path.Combine(root, "leftImg8bit_sequence", split, City)).FullName;
            var gtFine = Directory.CreateDirectory(Path.Combine(root, "gtFine", split, City)).FullName;
            var gtFlow = Directory.CreateDirectory(Path.Combine(root, "gtFlow", split, City)).FullName;
            for (var s = 0; s < video.SnippetCount(split); s++)
            {
                using var snippet = video.Generate(split, s);
                using var scope = torch.NewDisposeScope();
                for (var t = 0; t < snippet.Frames.Count; t++)
                {
                    bytes += WriteImage(Path.Combine(images, $"{City}_{s:D6}_{t:D6}_leftImg8bit.png"), snippet.Frames[t]);
                    frames++;
                }
                bytes += WriteImage(Path.Combine(gtFine, $"{City}_{s:D6}_{f:D6}_gtFine_labelIds.png"), snippet.Label);
                bytes += WriteImage(Path.Combine(gtFine, $"{City}_{s:D6}_{f:D6}_gtFine_instanceIds.png"), snippet.Instances);
                labels += 2;
                for (var t = 0; t < snippet.Frames.Count; t++)
                {
                    if (t == f)
                    {
                        continue;
                    }
                    var flowPath = Path.Combine(gtFlow, $"{City}_{s:D6}_{f:D6}_gtFlow_{t:D6}.flo");
                    FloFile.Write(flowPath, snippet.Flows[t]!);
                    bytes += new FileInfo(flowPath).Length;
                    var mask = snippet.FlowValid[t]!.to(ScalarType.Byte).mul(255);
                    bytes += WriteImage(Path.Combine(gtFlow, $"{City}_{s:D6}_{f:D6}_gtFlowValid_{t:D6}.png"), mask);
                    flows++;
                }
                snippets++;
                progress?.Report(new SyntheticWriteProgress(split, s, snippets, total));
            }
        }
        return new SyntheticWriteReport(Path.GetFullPath(root), snippets, frames, labels, flows, flows, bytes, clock.Elapsed);
    }

    /// <summary>
    /// The generator settings a synthetic dataset was written with: its descriptor's <see cref="SettingsKey"/>, with which
    /// <see cref="SyntheticVideo"/> renders the dataset again (for instance the labels of frames the folder leaves unlabelled).
    /// </summary>
    /// <exception cref="FileNotFoundException"><paramref name="root"/> has no descriptor (named).</exception>
    /// <exception cref="InvalidDataException">The descriptor is not valid JSON, lacks <see cref="SettingsKey"/>, or holds settings
    /// that are malformed or out of range; the message names the file and the key.</exception>
    public static SyntheticVideoSettings ReadSettings(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var path = Path.Combine(root, DescriptorFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{root}' has no {DescriptorFileName}: it is not a synthetic dataset (weclick data synth writes one).", path);
        }
        JsonNode? descriptor;
        try
        {
            descriptor = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}': not valid JSON ({e.Message}).", e);
        }
        if (descriptor is not JsonObject document || document[SettingsKey] is not JsonObject node)
        {
            throw new InvalidDataException($"'{path}': no \"{SettingsKey}\" object, so the synthetic video cannot be rendered again.");
        }
        try
        {
            return node.Deserialize<SyntheticVideoSettings>(Json)!.Validate();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"'{path}': key \"{SettingsKey}\" holds no valid synthetic settings ({e.Message}).", e);
        }
    }

    /// <summary>The descriptor of the on-disk contract, with the generator settings under <see cref="SettingsKey"/>.</summary>
    internal static JsonObject Descriptor(SyntheticVideoSettings settings)
    {
        var ids = new JsonObject();
        for (var c = 0; c < SyntheticClasses.Count; c++)
        {
            ids[c.ToString(System.Globalization.CultureInfo.InvariantCulture)] = c;
        }
        return new JsonObject
        {
            ["name"] = "synthetic",
            ["classes"] = new JsonArray(SyntheticClasses.Names.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["labelIdToTrainId"] = ids,
            ["ignoreIndex"] = SyntheticClasses.IgnoreIndex,
            ["instanceClasses"] = new JsonArray(SyntheticClasses.InstanceClasses.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["snippetLength"] = settings.SnippetLength,
            ["labelledIndex"] = settings.LabelledIndex,
            ["groundTruthFlow"] = true,
            [SettingsKey] = JsonSerializer.SerializeToNode(settings, Json),
        };
    }

    private static void CheckRoot(string root, string descriptorPath, JsonObject wanted)
    {
        if (File.Exists(descriptorPath))
        {
            JsonNode? existing;
            try
            {
                existing = JsonNode.Parse(File.ReadAllText(descriptorPath));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"'{descriptorPath}': not valid JSON ({e.Message}).", e);
            }
            if (existing?[SettingsKey] is not JsonObject old)
            {
                throw new InvalidOperationException(
                    $"'{root}' holds a dataset descriptor without synthetic settings ('{SettingsKey}'): it is not a synthetic dataset; choose an empty folder.");
            }
            var differences = wanted.Select(p => p.Key).Union(old.Select(p => p.Key))
                .Where(key => !JsonNode.DeepEquals(wanted[key], old[key]))
                .Select(key => $"{key}: {old[key]?.ToJsonString() ?? "(absent)"} on disk, {wanted[key]?.ToJsonString() ?? "(absent)"} now")
                .ToList();
            if (differences.Count > 0)
            {
                throw new InvalidOperationException(
                    $"'{root}' already holds a synthetic dataset written with different settings ({string.Join("; ", differences)}). " +
                    "Choose another folder or delete this one.");
            }
        }
        else if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new InvalidOperationException(
                $"'{root}' is not empty and has no {DescriptorFileName}: refusing to write the synthetic dataset into it; choose an empty folder.");
        }
    }

    private static long WriteText(string path, string text)
    {
        var data = System.Text.Encoding.UTF8.GetBytes(text);
        AtomicFile.Write(path, stream => stream.Write(data));
        return data.Length;
    }

    /// <summary>Writes a PNG through a temporary name in the same folder and renames it (atomic on POSIX); returns its size.</summary>
    private static long WriteImage(string path, Tensor image)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp.png");
        try
        {
            Image.Write(temp, image);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return new FileInfo(path).Length;
    }
}
