using System.CommandLine;
using WeClick.Experiments;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick print-config</c>: the effective experiment config (preset or file, then <c>--set</c> overrides) as JSON.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var arguments = new ExperimentArguments();
        var output = new Option<string?>("--out") { Description = "Also save the effective config to this JSON file (only when it validates)." };
        var command = new Command("print-config",
            "Print the effective experiment config as JSON — the one every other command would run with for the same --preset/--config/--set " +
            "(quick when neither is given) — after checking it; optionally save it.")
        {
            output,
        };
        arguments.AddConfigOptionsTo(command);
        command.SetAction(parse =>
        {
            var config = arguments.Resolve(parse);
            Console.WriteLine(ConfigFile.ToJson(config));
            if (parse.GetValue(output) is { } path)
            {
                ConfigFile.Save(config, path);
            }
            return 0;
        });
        return command;
    }
}
