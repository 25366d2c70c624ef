using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace WeClick.Experiments;

public static partial class ConfigFile
{
    /// <summary>
    /// Walks a JSON tree beside the serializer's contract of <paramref name="info"/>'s type: every key must be a property,
    /// every value of the JSON kind the property's type needs, enum names known, null only where the type allows it. The
    /// serializer would reject most of this too, but its messages name neither the known keys nor the file.
    /// </summary>
    /// <param name="node">The JSON value (null for JSON null).</param>
    /// <param name="info">The contract of the type the value must have.</param>
    /// <param name="path">The dotted key path of <paramref name="node"/> ("" for the root).</param>
    /// <param name="nullable">Whether null is allowed here.</param>
    /// <param name="source">The file or <c>--set</c>, for messages.</param>
    private static void CheckShape(JsonNode? node, JsonTypeInfo info, string path, bool nullable, string source)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        var shown = path.Length == 0 ? "the config" : $"key '{path}'";
        if (node is null)
        {
            if (nullable || Nullable.GetUnderlyingType(info.Type) is not null)
            {
                return;
            }
            throw new ConfigException($"{source}: {shown} must be {Describe(info.Type)}, got null.");
        }
        if (type.IsEnum)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var name) || ParseEnum(type, name) is null)
            {
                throw new ConfigException($"{source}: {shown} must be {Describe(type)}, got {Shown(node)}.");
            }
            return;
        }
        if (Scalar(type) is { } kind)
        {
            var actual = node.GetValueKind();
            var ok = kind switch
            {
                JsonValueKind.True => actual is JsonValueKind.True or JsonValueKind.False,
                JsonValueKind.Number when type == typeof(int) => actual == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out _),
                JsonValueKind.Number when type == typeof(long) => actual == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out _),
                _ => actual == kind,
            };
            if (!ok)
            {
                throw new ConfigException($"{source}: {shown} must be {Describe(type)}, got {Shown(node)}.");
            }
            return;
        }
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (node is not JsonObject obj)
                {
                    throw new ConfigException($"{source}: {shown} must be an object with keys {string.Join(", ", KeysOf(info))}, got {Shown(node)}.");
                }
                foreach (var (key, child) in obj)
                {
                    var property = info.Properties.FirstOrDefault(p => p.Name == key);
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (property is null)
                    {
                        var level = path.Length == 0 ? "known keys" : $"known keys in '{path}'";
                        throw new ConfigException($"{source}: unknown key '{childPath}' ({level}: {string.Join(", ", KeysOf(info))}).");
                    }
                    CheckShape(child, Options.GetTypeInfo(property.PropertyType), childPath, property.IsSetNullable, source);
                }
                return;
            case JsonTypeInfoKind.Enumerable:
                if (node is not JsonArray array)
                {
                    throw new ConfigException($"{source}: {shown} must be a list of {Describe(info.ElementType!)}, got {Shown(node)}.");
                }
                var element = Options.GetTypeInfo(info.ElementType!);
                for (var i = 0; i < array.Count; i++)
                {
                    CheckShape(array[i], element, $"{path}[{i}]", nullable: false, source);
                }
                return;
            default:
                return; // dictionaries and custom converters: left to the serializer
        }
    }

    /// <summary>The JSON kind a scalar type needs (True stands for any boolean), or null for a non-scalar.</summary>
    private static JsonValueKind? Scalar(Type type) =>
        type == typeof(string) ? JsonValueKind.String
        : type == typeof(bool) ? JsonValueKind.True
        : type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) ? JsonValueKind.Number
        : null;

    /// <summary>The camelCase JSON name of an enum member matching <paramref name="name"/> (any case), or null.</summary>
    internal static string? ParseEnum(Type type, string name)
    {
        var match = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : JsonNamingPolicy.CamelCase.ConvertName(match);
    }

    /// <summary>The expected type in words, e.g. <c>an integer</c>, <c>one of forward, backward, biDirection</c>.</summary>
    internal static string Describe(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type);
        if (inner is not null)
        {
            return $"{Describe(inner)} or null";
        }
        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}";
        }
        return type == typeof(string) ? "a string"
            : type == typeof(bool) ? "a boolean (true or false)"
            : type == typeof(int) || type == typeof(long) ? "an integer"
            : type == typeof(double) || type == typeof(float) ? "a number"
            : Options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable ? $"a list of {Describe(Options.GetTypeInfo(type).ElementType!)}"
            : $"an object ({JsonNamingPolicy.CamelCase.ConvertName(type.Name)})";
    }

    private static string Shown(JsonNode node)
    {
        var text = node.ToJsonString();
        return node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => $"string {text}",
            _ => text,
        };
    }
}
