using System.CommandLine;
using WeClick.Experiments;

namespace WeClick.Cli.Commands;

/// <summary>The options every experiment command shares: where the config comes from and where results go.</summary>
internal sealed class ExperimentArguments
{
    public Option<string?> Preset { get; } = new("--preset") { Description = $"Start from a preset ({string.Join(", ", ExperimentPresets.Names)}); default quick." };

    public Option<string?> Config { get; } = new("--config") { Description = "Start from a JSON config file (see print-config --out)." };

    public Option<string[]> Set { get; } = new("--set") { Description = "Override a config key, e.g. --set loss.beta=0 (repeatable; see print-config for the keys)." };

    public Option<string> Workspace { get; } = new("--workspace") { Description = "Folder of the results store, run folders, flow cache and reports.", DefaultValueFactory = _ => "runs" };

    public void AddTo(Command command)
    {
        command.Options.Add(Preset);
        command.Options.Add(Config);
        command.Options.Add(Set);
        command.Options.Add(Workspace);
    }

    /// <summary>The effective, validated config (quick preset when neither --preset nor --config is given).</summary>
    public ExperimentConfig Resolve(ParseResult parse)
    {
        var preset = parse.GetValue(Preset);
        var file = parse.GetValue(Config);
        return ConfigCommand.Effective(preset ?? (file is null ? "quick" : null), file, parse.GetValue(Set) ?? []);
    }
}
