using System.Text.Json;
using WeClick.Serialization;

namespace WeClick.Clicks;

/// <summary>
/// Reads and writes the clicks of one image as JSON:
/// <code>{"image": "aachen_000000_000019", "height": 1024, "width": 2048, "validPixels": 1900000,
///  "clicks": [{"x": 10, "y": 20, "class": 13, "instance": 26001, "area": 4411}, ...]}</code>
/// <c>validPixels</c> and each click's <c>area</c> are optional. Writes are atomic (temporary file, then rename).
/// Clicks are stored as points, not rasterised, so that augmentation can move them (algorithms.md §2.4).
/// </summary>
public static class ClickFile
{
    /// <summary>Writes <paramref name="clicks"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static void Write(string path, ImageClicks clicks)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(clicks);
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("image", clicks.Image);
            json.WriteNumber("height", clicks.Height);
            json.WriteNumber("width", clicks.Width);
            if (clicks.ValidPixels is { } valid)
            {
                json.WriteNumber("validPixels", valid);
            }
            json.WriteStartArray("clicks");
            foreach (var click in clicks.Clicks)
            {
                json.WriteStartObject();
                json.WriteNumber("x", click.X);
                json.WriteNumber("y", click.Y);
                json.WriteNumber("class", click.ClassId);
                json.WriteNumber("instance", click.InstanceId);
                json.WriteNumber("area", click.Area);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON, or a field is missing, of the wrong type or
    /// out of range (a click outside the image); the message names the file and the field, e.g. <c>clicks[3].x</c>.</exception>
    public static ImageClicks Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Click file not found: '{path}'.", path);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}': not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad(path, "(root)", $"must be an object, not {root.ValueKind}");
            }
            var image = root.TryGetProperty("image", out var imageElement) && imageElement.ValueKind == JsonValueKind.String
                ? imageElement.GetString()!
                : throw Bad(path, "image", "must be a string");
            var height = Integer(path, root, "height", "height", 1);
            var width = Integer(path, root, "width", "width", 1);
            long? validPixels = root.TryGetProperty("validPixels", out _) ? Integer(path, root, "validPixels", "validPixels", 0) : null;
            if (!root.TryGetProperty("clicks", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Bad(path, "clicks", "must be an array");
            }
            var clicks = new List<Click>(list.GetArrayLength());
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = $"clicks[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw Bad(path, at, "must be an object");
                }
                var x = Integer(path, item, "x", at + ".x", 0, width - 1);
                var y = Integer(path, item, "y", at + ".y", 0, height - 1);
                var classId = Integer(path, item, "class", at + ".class", 0);
                var instance = Integer(path, item, "instance", at + ".instance", 0);
                var area = item.TryGetProperty("area", out _) ? Integer(path, item, "area", at + ".area", 0) : 0;
                clicks.Add(new Click(x, y, classId, instance, area));
            }
            return new ImageClicks(image, height, width, clicks, validPixels);
        }
    }

    private static int Integer(string path, JsonElement owner, string name, string field, int min, int max = int.MaxValue)
    {
        if (!owner.TryGetProperty(name, out var element))
        {
            throw Bad(path, field, "is missing");
        }
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            throw Bad(path, field, $"must be an integer, not {element.GetRawText()}");
        }
        if (value < min || value > max)
        {
            throw Bad(path, field, $"is {value}, outside {min}..{max}");
        }
        return value;
    }

    private static InvalidDataException Bad(string path, string field, string problem) =>
        new($"'{path}': field '{field}' {problem}.");
}
