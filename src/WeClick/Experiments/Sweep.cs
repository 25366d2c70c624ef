using System.Text.Json;
using System.Text.Json.Nodes;
using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// A sweep: a base config, axes (config keys and the values they take) and the base's seeds. It expands into one
/// <see cref="SweepPoint"/> per combination of axis values; <see cref="SweepRunner"/> trains each point's student for
/// every seed, the teachers they distil once each, and reads the rows back from the results store. Every experiment of
/// the paper is one (<see cref="PaperExperiments"/>), Table 1 included.
/// </summary>
/// <param name="Name">The experiment's name (<c>table2</c>): the sweep's name in the store and its report folder.</param>
/// <param name="Title">A line for tables and reports (<c>MFD direction (Table 2)</c>).</param>
/// <param name="Base">The config every point starts from; its <c>seeds</c> are the sweep's unless <see cref="Seeds"/> picks some.</param>
/// <param name="Axes">The axes; none = one point, the base itself.</param>
public sealed record Sweep(string Name, string Title, ExperimentConfig Base, IReadOnlyList<SweepAxis> Axes)
{
    /// <summary>Also train and report the teacher on dense labels (the upper bound of the teacher row).</summary>
    public bool DenseTeacher { get; init; }

    /// <summary>
    /// The seeds the sweep trains, a part of the base's <c>seeds</c> (null: all of them). The runs keep the base's seeds
    /// list in their config, so a sweep over fewer seeds trains the same runs as a sweep over all and shares them; the
    /// teacher is always the base's first seed's.
    /// </summary>
    public IReadOnlyList<int>? Seeds { get; init; }

    /// <summary>The seeds trained: <see cref="Seeds"/>, or the base's.</summary>
    public IReadOnlyList<int> TrainedSeeds => Seeds ?? Base.Seeds;

    /// <summary>
    /// The points, in table order: the first axis varies slowest. Each point's values are checked
    /// (<see cref="ConfigFile.ThrowIfInvalid"/> without the files on disk, which <see cref="SweepRunner.Run"/> checks before
    /// training), so a value no run could use fails here.
    /// </summary>
    /// <exception cref="ConfigException">An override names an unknown key or a bad value, or a point's config is invalid
    /// (the message names the axis value).</exception>
    /// <exception cref="ArgumentException">Two values of an axis share a label, or an axis has no values.</exception>
    public IReadOnlyList<SweepPoint> Expand()
    {
        ArgumentNullException.ThrowIfNull(Base);
        if (TrainedSeeds.Count == 0 || TrainedSeeds.Any(seed => !Base.Seeds.Contains(seed)))
        {
            throw new ArgumentException($"Sweep '{Name}': its seeds [{string.Join(", ", TrainedSeeds)}] must be some of the config's seeds [{string.Join(", ", Base.Seeds)}].");
        }
        var combinations = new List<List<(SweepAxis Axis, SweepValue Value)>> { new() };
        foreach (var axis in Axes)
        {
            if (axis.Values.Count == 0)
            {
                throw new ArgumentException($"Sweep '{Name}': axis '{axis.Name}' has no values.");
            }
            if (axis.Values.GroupBy(v => v.Label).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ArgumentException($"Sweep '{Name}': axis '{axis.Name}' has the value '{twice.Key}' twice.");
            }
            combinations = combinations.SelectMany(c => axis.Values.Select(v => new List<(SweepAxis, SweepValue)>(c) { (axis, v) })).ToList();
        }
        var points = new List<SweepPoint>();
        foreach (var combination in combinations)
        {
            var label = Label(combination.Select(c => c.Value.Label).ToArray());
            ExperimentConfig config;
            try
            {
                config = ConfigFile.ApplyOverrides(Base, combination.SelectMany(c => c.Value.Overrides));
                ConfigFile.ThrowIfInvalid(config, use: ConfigUse.Inference); // the values; the files are SweepRunner's to check
            }
            catch (ConfigException e)
            {
                throw new ConfigException($"Sweep '{Name}', point '{label}': {e.Message}");
            }
            points.Add(new SweepPoint(label, combination.Select(c => KeyValuePair.Create(c.Axis.Name, c.Value.Label)).ToArray(), config));
        }
        if (points.GroupBy(p => RunIdentity.Key(p.Config, TrainingRole.Student, 0) + p.Variant).FirstOrDefault(g => g.Count() > 1) is { } same)
        {
            throw new ArgumentException($"Sweep '{Name}': the points {string.Join(" and ", same.Select(p => $"'{p.Label}'"))} train the same run; " +
                "each row must differ from the others in what its name says.");
        }
        return points;
    }

    /// <summary>The points' labels in table order, without building their configs (reading a stored sweep needs no files).</summary>
    public IReadOnlyList<string> PointLabels()
    {
        IEnumerable<IReadOnlyList<string>> combinations = [[]];
        foreach (var axis in Axes)
        {
            combinations = combinations.SelectMany(c => axis.Values.Select(v => (IReadOnlyList<string>)[.. c, v.Label])).ToList();
        }
        return combinations.Select(c => Label(c)).ToArray();
    }

    // A point's label: its values' labels joined; the base's name for a sweep without axes.
    private string Label(IReadOnlyList<string> values) => values.Count == 0 ? Base.Name : string.Join(" · ", values);

    /// <summary>The sweep a stored definition (<see cref="DefinitionJson"/>) describes.</summary>
    /// <exception cref="ConfigException">The definition is not one (named).</exception>
    public static Sweep FromDefinition(string definitionJson)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        try
        {
            var root = JsonNode.Parse(definitionJson)!.AsObject();
            var axes = root["axes"]!.AsArray().Select(a => new SweepAxis(a!["name"]!.GetValue<string>(), a["values"]!.AsArray()
                .Select(v => new SweepValue(v!["label"]!.GetValue<string>(), v["overrides"]!.AsArray().Select(o => o!.GetValue<string>()).ToArray())).ToArray())).ToArray();
            return new Sweep(root["name"]!.GetValue<string>(), root["title"]!.GetValue<string>(), ConfigFile.FromJson(root["base"]!.ToJsonString(), "sweep definition"), axes)
            {
                DenseTeacher = root["denseTeacher"]?.GetValue<bool>() ?? false,
                Seeds = root["seeds"]?.AsArray().Select(x => x!.GetValue<int>()).ToArray(),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new ConfigException($"Not a sweep definition: {e.Message}");
        }
    }

    /// <summary>
    /// The definition as JSON: name, title, base config (without <c>device</c>, <c>threads</c> and <c>data.workers</c>, which select
    /// hardware, not results), axes, whether the dense teacher is trained, and the seeds trained. Stored with the sweep.
    /// </summary>
    public string DefinitionJson()
    {
        var identity = Base with { Data = Base.Data with { Workers = new DataConfig().Workers }, Device = new ExperimentConfig().Device, Threads = 0 };
        var definition = new JsonObject
        {
            ["name"] = Name,
            ["title"] = Title,
            ["base"] = JsonNode.Parse(ConfigFile.ToJson(identity)),
            ["axes"] = new JsonArray(Axes.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a.Name,
                ["values"] = new JsonArray(a.Values.Select(v => (JsonNode)new JsonObject
                {
                    ["label"] = v.Label,
                    ["overrides"] = new JsonArray(v.Overrides.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()),
                }).ToArray()),
            }).ToArray()),
            ["denseTeacher"] = DenseTeacher,
            ["seeds"] = new JsonArray(TrainedSeeds.Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
        };
        return definition.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Eight hex digits of the definition's SHA-256: the same sweep run again finds its record in the store.</summary>
    public string Key() => RunIdentity.KeyOf(DefinitionJson());
}
