using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick reproduce</c>: the whole WeClick pipeline for a preset (README's main job).</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var arguments = new ExperimentArguments();
        var command = new Command("reproduce",
            "Run the whole pipeline for a preset: data and clicks, the teacher, the Table 1 students (weakly; +KD; +KD+MFD) for every seed, the fully supervised upper bound (dense teacher and students), evaluation, and a report. Finished runs are reused; interrupted ones resume.");
        var noUpperBound = new Option<bool>("--no-upper-bound")
        {
            Description = "Skip the fully supervised rows (teacher and students on dense labels, plain cross-entropy) that show what the clicks cost.",
        };
        command.Options.Add(noUpperBound);
        arguments.AddTo(command);
        command.SetAction(parse =>
        {
            var config = arguments.ResolveAndConfigureEngine(parse);
            var workspace = parse.GetValue(arguments.Workspace)!;
            var result = Reproduction.Run(config, new ReproductionOptions
            {
                Workspace = workspace,
                UpperBound = !parse.GetValue(noUpperBound),
                Log = line => Console.Error.WriteLine(line),
                ObserverFor = title => update => Observe(title, update),
            });
            var c = CultureInfo.InvariantCulture;
            var table = new Table().Border(TableBorder.Rounded).AddColumn("row").AddColumn(new TableColumn("mIoU (%)").RightAligned())
                .AddColumn(new TableColumn("of dense").RightAligned())
                .AddColumn(new TableColumn("mPA (%)").RightAligned()).AddColumn(new TableColumn("TC (%)").RightAligned()).AddColumn("seeds");
            foreach (var cells in Reproduction.TableRows(result.Rows, result.GroundTruthConsistency))
            {
                table.AddRow(cells.Select(Markup.Escape).ToArray());
            }
            AnsiConsole.Write(table);
            Console.WriteLine("of dense: mIoU as a share of the same network trained on dense labels (the paper's Cityscapes ratio is about 0.77).");
            Console.WriteLine("TC: temporal consistency, the share of pixels whose predicted class survives flow warping to the next frame.");
            if (result.GroundTruthConsistency is { } measured)
            {
                Console.WriteLine($"Reference: {measured.Description} {Reproduction.ConsistencyCaveat}");
            }
            Console.WriteLine(string.Create(c, $"wall time {result.WallSeconds / 60:F1} min; report {result.Report}"));
            return 0;
        });
        return command;
    }

    // Plain lines per epoch (a reproduction runs many short trainings; a bar per run would scroll away).
    private static void Observe(string title, Training.TrainingUpdate update)
    {
        if (update.Kind is Training.TrainingUpdateKind.EpochEnd or Training.TrainingUpdateKind.Validated)
        {
            Console.Error.WriteLine($"{title}: {TrainingProgressView.Line(update)}");
        }
    }
}
