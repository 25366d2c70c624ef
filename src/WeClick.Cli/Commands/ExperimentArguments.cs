using System.CommandLine;
using WeClick.Engine;
using WeClick.Experiments;

namespace WeClick.Cli.Commands;

/// <summary>
/// The options every experiment command shares — where the config comes from (<c>--preset</c>, <c>--config</c>,
/// <c>--set</c>) and where results go (<c>--workspace</c>) — and the one rule that turns them into a config.
/// </summary>
internal sealed class ExperimentArguments
{
    public Option<string?> Preset { get; } = new("--preset") { Description = $"Start from a preset ({string.Join(", ", ExperimentPresets.Names)}); default quick." };

    public Option<string?> Config { get; } = new("--config") { Description = "Start from a JSON config file (see print-config --out)." };

    public Option<string[]> Set { get; } = new("--set") { Description = "Override a config key, e.g. --set loss.beta=0 (repeatable; see print-config for the keys)." };

    public Option<string> Workspace { get; } = new("--workspace") { Description = "Folder of the results store, run folders, flow cache and reports.", DefaultValueFactory = _ => "runs" };

    /// <summary>Adds the config options and <c>--workspace</c>.</summary>
    public void AddTo(Command command)
    {
        AddConfigOptionsTo(command);
        command.Options.Add(Workspace);
    }

    /// <summary>Adds only the config options (commands that write no results, such as print-config).</summary>
    public void AddConfigOptionsTo(Command command)
    {
        command.Options.Add(Preset);
        command.Options.Add(Config);
        command.Options.Add(Set);
    }

    /// <summary>The effective, validated config (quick preset when neither --preset nor --config is given).</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="use">Which files on disk the command needs (infer: neither the dataset nor ImageNet backbones).</param>
    public ExperimentConfig Resolve(ParseResult parse, ConfigUse use = ConfigUse.Training)
    {
        var preset = parse.GetValue(Preset);
        var file = parse.GetValue(Config);
        return Effective(preset ?? (file is null ? "quick" : null), file, parse.GetValue(Set) ?? [], use);
    }

    /// <summary><see cref="Resolve"/>, then the engine set up for the config: its <c>threads</c> (0 = all cores) and the
    /// malloc thresholds (<see cref="TorchEngine.Configure"/>), for the commands that compute.</summary>
    public ExperimentConfig ResolveAndConfigureEngine(ParseResult parse, ConfigUse use = ConfigUse.Training)
    {
        var config = Resolve(parse, use);
        TorchEngine.Configure(config.Threads);
        return config;
    }

    /// <summary>The config a command runs with; every problem printed as one line and the command stopped.</summary>
    /// <exception cref="ArgumentException">Both or a bad preset; bad file or override (one line).</exception>
    private static ExperimentConfig Effective(string? preset, string? file, IEnumerable<string> overrides, ConfigUse use)
    {
        if (preset is not null && file is not null)
        {
            throw new ArgumentException("give --preset or --config, not both.");
        }
        if (preset is not null && !ExperimentPresets.Names.Contains(preset))
        {
            throw new ArgumentException($"--preset: unknown preset '{preset}' (known: {string.Join(", ", ExperimentPresets.Names)}).");
        }
        var config = file is not null ? ConfigFile.Load(file) : ExperimentPresets.Get(preset!);
        config = ConfigFile.ApplyOverrides(config, overrides);
        var problems = ConfigFile.Validate(config, use: use);
        if (problems.Count > 0)
        {
            // Several problems: one line each, so none hides another.
            throw new ArgumentException(string.Join(Environment.NewLine + "weclick: ", problems));
        }
        return config;
    }
}
