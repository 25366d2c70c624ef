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
            "Run the whole pipeline for a preset: data and clicks, the teacher, the Table 1 students (weakly; +KD; +KD+MFD) for every seed, evaluation, and a report. Finished runs are reused; interrupted ones resume.");
        arguments.AddTo(command);
        command.SetAction(parse =>
        {
            var config = arguments.ResolveAndConfigureEngine(parse);
            var workspace = parse.GetValue(arguments.Workspace)!;
            var result = Reproduction.Run(config, new ReproductionOptions
            {
                Workspace = workspace,
                Log = line => Console.Error.WriteLine(line),
                ObserverFor = title => update => Observe(title, update),
            });
            var c = CultureInfo.InvariantCulture;
            var table = new Table().Border(TableBorder.Rounded).AddColumn("row").AddColumn(new TableColumn("mIoU (%)").RightAligned())
                .AddColumn(new TableColumn("mPA (%)").RightAligned()).AddColumn(new TableColumn("TC (%)").RightAligned()).AddColumn("seeds");
            foreach (var row in result.Rows)
            {
                var label = row.Role == TrainingRole.Teacher ? $"teacher ({row.Model})" : $"student {row.Variant} ({row.Model})";
                table.AddRow(Markup.Escape(label), row.MeanIoU.Format(1, 100), row.MeanPixelAccuracy.Format(1, 100), row.TemporalConsistency?.Format(1, 100) ?? "–", string.Join(",", row.Seeds));
            }
            if (result.GroundTruthConsistency is { } reference)
            {
                table.AddRow("ground-truth labels (reference)", "", "", reference.Available ? (100 * reference.MeanAgreement).ToString("F1", c) : "–", "");
            }
            AnsiConsole.Write(table);
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
