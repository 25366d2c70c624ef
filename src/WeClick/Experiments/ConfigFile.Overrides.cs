using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace WeClick.Experiments;

public static partial class ConfigFile
{
    /// <summary>
    /// Applies <c>key=value</c> overrides in order: dotted camelCase key paths (<c>loss.beta=0</c>,
    /// <c>studentSchedule.epochs=3</c>, <c>clip.direction=biDirection</c>, <c>teacher.outputStride=8</c>), lists as
    /// <c>seeds=[0,1,2]</c> or <c>seeds=0,1,2</c>, <c>null</c> for nullable keys, a JSON object for an object-valued key.
    /// Each value is parsed as its key's type before anything changes.
    /// </summary>
    /// <returns>A new config; <paramref name="config"/> is not changed.</returns>
    /// <exception cref="ConfigException">Not <c>key=value</c>, an unknown key (the message lists the valid keys at that
    /// level) or a value that is not of the key's type (the message names the key, the value and the type).</exception>
    public static ExperimentConfig ApplyOverrides(ExperimentConfig config, IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(overrides);
        var root = JsonSerializer.SerializeToNode(config, Options)!.AsObject();
        var any = false;
        foreach (var assignment in overrides)
        {
            Apply(root, assignment);
            any = true;
        }
        return any ? FromNode(root, "--set") : config;
    }

    private static void Apply(JsonObject root, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ConfigException($"--set '{assignment}': expected key=value (e.g. loss.beta=0).");
        }
        var key = assignment[..equals].Trim();
        var text = assignment[(equals + 1)..].Trim();
        var info = Options.GetTypeInfo(typeof(ExperimentConfig));
        var parent = root;
        var segments = key.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var level = string.Join('.', segments[..i]);
            var property = info.Kind == JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => p.Name == segments[i]) : null;
            if (property is null)
            {
                var known = info.Kind == JsonTypeInfoKind.Object
                    ? $"known keys{(level.Length == 0 ? "" : $" in '{level}'")}: {string.Join(", ", KeysOf(info))}"
                    : $"'{level}' is {Describe(info.Type)}, not an object";
                throw new ConfigException($"--set {assignment}: unknown key '{key}' ({known}).");
            }
            var childInfo = Options.GetTypeInfo(property.PropertyType);
            if (i == segments.Length - 1)
            {
                var nullable = property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;
                var value = ParseValue(text, property.PropertyType, nullable, key, assignment);
                CheckShape(value, childInfo, key, nullable, $"--set {assignment}");
                parent[segments[i]] = value;
                return;
            }
            // A null object (e.g. flow.occlusionCheck) is replaced by an empty one: its other keys take their defaults.
            if (parent[segments[i]] is not JsonObject child)
            {
                child = [];
                parent[segments[i]] = child;
            }
            parent = child;
            info = childInfo;
        }
    }

    /// <summary>Parses the text of an override as <paramref name="type"/> into a JSON value.</summary>
    private static JsonNode? ParseValue(string text, Type type, bool nullable, string key, string assignment)
    {
        if (text == "null")
        {
            return nullable
                ? null
                : throw new ConfigException($"--set {assignment}: key '{key}' cannot be null (expected {Describe(type)}).");
        }
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        JsonNode? Fail() => throw new ConfigException($"--set {assignment}: key '{key}' expects {Describe(type)}, got '{text}'.");
        if (inner == typeof(string))
        {
            return JsonValue.Create(text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text);
        }
        if (inner == typeof(bool))
        {
            return bool.TryParse(text, out var b) ? JsonValue.Create(b) : Fail();
        }
        if (inner == typeof(int))
        {
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : Fail();
        }
        if (inner == typeof(long))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : Fail();
        }
        if (inner == typeof(double) || inner == typeof(float))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? JsonValue.Create(d) : Fail();
        }
        if (inner.IsEnum)
        {
            return ParseEnum(inner, text) is { } name ? JsonValue.Create(name) : Fail();
        }
        var info = Options.GetTypeInfo(inner);
        if (info.Kind == JsonTypeInfoKind.Enumerable && !text.StartsWith("[{", StringComparison.Ordinal))
        {
            // seeds=[0,1,2] or seeds=0,1,2: each item parsed as the element type, so a bad item is named.
            var body = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
            var items = body.Trim().Length == 0 ? [] : body.Split(',');
            var array = new JsonArray();
            foreach (var item in items)
            {
                array.Add(ParseValue(item.Trim(), info.ElementType!, nullable: false, key, assignment));
            }
            return array;
        }
        try
        {
            // Objects (and lists of objects) as JSON text: teacher={"name":"pspnet-resnet18"}.
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return Fail();
        }
    }
}
