using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WeClick.Models;
using WeClick.Models.Backbones;

namespace WeClick.Cli.Commands;

/// <summary>
/// <c>weclick models</c>: the model catalogue with parameter counts beside the paper's, and where each backbone's
/// ImageNet weights come from (<see cref="ModelCatalog.ImageNetWeightSources"/>), whether their file is there, and how to make it.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var classes = new Option<long>("--classes") { Description = "Output classes (the paper's counts are for 19).", DefaultValueFactory = _ => 19 };
        var markdown = new Option<bool>("--markdown") { Description = "Print a Markdown table (as in README.md)." };
        var command = new Command("models",
            "List the model catalogue (deeplabv3plus/pspnet on resnet18/34/50/101 and mobilenetv2) with parameter counts beside the paper's, " +
            "and each backbone's ImageNet weights: the file, whether it is there (relative to the current folder), and the command that makes it.")
        {
            classes, markdown,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(classes);
            var rows = ConsoleProgress.Run("building models", ModelCatalog.Names.Count, progress =>
            {
                var result = new List<(string Name, long Parameters)>();
                foreach (var name in ModelCatalog.Names)
                {
                    using var model = ModelCatalog.Create(name, new ModelOptions(Classes: count));
                    result.Add((name, model.parameter_count()));
                    progress.Report(result.Count);
                }
                return result;
            });
            if (parse.GetValue(markdown))
            {
                Console.WriteLine("| model | parameters | M | paper (M) | Δ (M) |");
                Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
                foreach (var (name, parameters) in rows)
                {
                    var paper = ModelCatalog.PaperParameterCounts.TryGetValue(name, out var p) ? p : (double?)null;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| `{name}` | {parameters:N0} | {parameters / 1e6:F2} | {(paper is null ? "–" : paper.Value.ToString("F2", CultureInfo.InvariantCulture))} | {(paper is null ? "–" : (parameters / 1e6 - paper.Value).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture))} |"));
                }
                Console.WriteLine();
                Console.WriteLine("| backbone | ImageNet weights from | file | status | how to make it |");
                Console.WriteLine("| --- | --- | --- | --- | --- |");
                foreach (var w in ModelCatalog.ImageNetWeightSources)
                {
                    Console.WriteLine($"| {w.Backbone} | {w.Origin} | `{w.File}` | {Status(w)} | `{w.Command}` |");
                }
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("model").AddColumn("parameters").AddColumn("paper (M)");
            foreach (var (name, parameters) in rows)
            {
                var paper = ModelCatalog.PaperParameterCounts.TryGetValue(name, out var p) ? p.ToString("F2", CultureInfo.InvariantCulture) : "";
                table.AddRow(name, parameters.ToString("N0", CultureInfo.InvariantCulture), paper);
            }
            AnsiConsole.Write(table);
            var weights = new Table().Border(TableBorder.Rounded).AddColumn("backbone").AddColumn("ImageNet weights from").AddColumn("file").AddColumn("status").AddColumn("how to make it");
            foreach (var w in ModelCatalog.ImageNetWeightSources)
            {
                weights.AddRow(Markup.Escape(w.Backbone), Markup.Escape(w.Origin), Markup.Escape(w.File), Markup.Escape(Status(w)), Markup.Escape(w.Command));
            }
            AnsiConsole.Write(weights);
            return 0;
        });
        return command;
    }

    // Whether the weights file is there, and if not, whether its command can run on this machine.
    private static string Status(BackboneWeightsSource source) => File.Exists(source.File)
        ? "present"
        : source.NeedsDownload
            ? "missing; the command needs internet access"
            : ResNet18OnnxPackage.FindModel() is null
                ? "missing; its NuGet package is not restored: run scripts/setup.sh"
                : "missing; the command runs offline (package restored)";
}
