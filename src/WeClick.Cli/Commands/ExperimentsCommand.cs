using System.CommandLine;
using Spectre.Console;
using WeClick.Experiments;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick experiments</c>: the paper's experiments and the ablations, what each varies and how the quick preset scales it.</summary>
internal static class ExperimentsCommand
{
    public static Command Create()
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print a Markdown table (as in README.md)." };
        var command = new Command("experiments",
            "List the experiments `weclick reproduce --experiment NAME --preset PRESET` runs: every table and figure of the paper, and the ablations it leaves open, " +
            "with what each varies and how it is scaled to fit a CPU on the quick preset.")
        {
            markdown,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown))
            {
                Console.WriteLine("| name | what it varies | on the quick preset |");
                Console.WriteLine("| --- | --- | --- |");
                foreach (var experiment in PaperExperiments.All)
                {
                    Console.WriteLine($"| `{experiment.Name}` | {Cell(experiment.Varies)} | {Cell(experiment.OnQuick.Length == 0 ? "as on any preset" : experiment.OnQuick)} |");
                }
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("name").AddColumn("what it varies").AddColumn("on the quick preset");
            foreach (var experiment in PaperExperiments.All)
            {
                table.AddRow(Markup.Escape(experiment.Name), Markup.Escape(experiment.Varies), Markup.Escape(experiment.OnQuick.Length == 0 ? "as on any preset" : experiment.OnQuick));
            }
            if (Console.IsOutputRedirected)
            {
                AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 240);
            }
            AnsiConsole.Write(table);
            Console.WriteLine("Run one: weclick reproduce --experiment NAME --preset quick (finished runs are reused; an interrupted one resumes).");
            return 0;
        });
        return command;
    }

    // A Markdown table cell: a '|' of the text (|ŷ − ŷ_T|) would end the cell.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
