using System.CommandLine;
using WeClick.Experiments;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick print-config</c>: the effective experiment config (preset or file, then <c>--set</c> overrides) as JSON.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var preset = new Option<string?>("--preset") { Description = $"Start from a preset ({string.Join(", ", ExperimentPresets.Names)})." };
        var file = new Option<string?>("--config") { Description = "Start from a JSON config file." };
        var set = new Option<string[]>("--set") { Description = "Override a key: --set loss.beta=0 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "Also save the effective config to this JSON file (only when it validates)." };
        var command = new Command("print-config", "Print the effective experiment config as JSON (preset or file, then --set overrides) after checking it; optionally save it.")
        {
            preset, file, set, output,
        };
        command.SetAction(parse =>
        {
            var config = Effective(parse.GetValue(preset), parse.GetValue(file), parse.GetValue(set) ?? []);
            Console.WriteLine(ConfigFile.ToJson(config));
            if (parse.GetValue(output) is { } path)
            {
                ConfigFile.Save(config, path);
            }
            return 0;
        });
        return command;
    }

    /// <summary>The config a command runs with; every problem printed as one line and the command stopped.</summary>
    /// <exception cref="ArgumentException">Both or a bad preset; bad file or override (one line).</exception>
    public static ExperimentConfig Effective(string? preset, string? file, IEnumerable<string> overrides)
    {
        if (preset is not null && file is not null)
        {
            throw new ArgumentException("give --preset or --config, not both.");
        }
        if (preset is not null && !ExperimentPresets.Names.Contains(preset))
        {
            throw new ArgumentException($"--preset: unknown preset '{preset}' (known: {string.Join(", ", ExperimentPresets.Names)}).");
        }
        var config = file is not null ? ConfigFile.Load(file) : preset is not null ? ExperimentPresets.Get(preset) : new ExperimentConfig();
        config = ConfigFile.ApplyOverrides(config, overrides);
        var problems = ConfigFile.Validate(config);
        if (problems.Count > 0)
        {
            // Several problems: one line each, so none hides another.
            throw new ArgumentException(string.Join(Environment.NewLine + "weclick: ", problems));
        }
        return config;
    }
}
