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
            "(quick when neither is given) — after checking its keys and dataset (train and reproduce also check the backbone files); optionally save it.")
        {
            output,
        };
        arguments.AddConfigOptionsTo(command);
        command.SetAction(parse =>
        {
            // It shows and saves configs, so it checks keys and the dataset but not the ImageNet backbone files: a config for
            // another machine saves here, and train and reproduce check those files before they start.
            var config = arguments.Resolve(parse, ConfigUse.Evaluation);
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
