using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using WeClick.Serialization;

namespace WeClick.Experiments;

/// <summary>
/// <see cref="ExperimentConfig"/> as JSON on disk: camelCase keys, enums as camelCase strings, indented. Reading is
/// strict (an unknown key or a value of the wrong type is an error naming the file and the key path, never silently
/// ignored), writing is atomic. <c>--set key=value</c> overrides are in <c>ConfigFile.Overrides.cs</c>, semantic checks in
/// <c>ConfigFile.Validation.cs</c>.
/// </summary>
/// <remarks>
/// Keys missing from a file take the record's defaults, so a file may hold only what differs. Computed (get-only)
/// properties are not written: only what a config is made of round-trips.
/// </remarks>
public static partial class ConfigFile
{
    /// <summary>The serializer options of every config file (camelCase, string enums, indented, no computed properties).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            IgnoreReadOnlyProperties = true,
            RespectNullableAnnotations = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The config as indented JSON.</summary>
    public static string ToJson(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return JsonSerializer.Serialize(config, Options);
    }

    /// <summary>Reads a config from JSON text, strictly.</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="source">What the text is, for error messages (a file path, <c>--set</c>).</param>
    /// <exception cref="ConfigException">Not JSON, not an object, an unknown key or a value of the wrong type (one line,
    /// naming <paramref name="source"/> and the key path).</exception>
    public static ExperimentConfig FromJson(string json, string source = "config")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{source}: not valid JSON: {OneLine(e.Message)}");
        }
        return FromNode(node, source);
    }

    /// <summary>Reads a config file, strictly.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (named).</exception>
    /// <exception cref="ConfigException">See <see cref="FromJson"/>; the message starts with <paramref name="path"/>.</exception>
    public static ExperimentConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: config file does not exist.", path);
        }
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Writes the config atomically (a complete file or the old one, never half of it), creating the folder.</summary>
    public static void Save(ExperimentConfig config, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Encoding.UTF8.GetBytes(ToJson(config) + "\n");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Checks a parsed JSON tree against the config's shape, then deserialises it.</summary>
    internal static ExperimentConfig FromNode(JsonNode? node, string source)
    {
        var info = Options.GetTypeInfo(typeof(ExperimentConfig));
        CheckShape(node, info, "", nullable: false, source);
        try
        {
            return node.Deserialize<ExperimentConfig>(Options)
                ?? throw new ConfigException($"{source}: the config is null.");
        }
        catch (JsonException e)
        {
            // The shape check catches what it knows; anything else the serializer rejects still gets the key path.
            var path = e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "(top level)";
            throw new ConfigException($"{source}: bad value at '{path}': {OneLine(e.Message)}");
        }
    }

    /// <summary>The JSON property names of an object type, in declaration order.</summary>
    internal static IReadOnlyList<string> KeysOf(JsonTypeInfo info) => info.Properties.Select(p => p.Name).ToArray();

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
