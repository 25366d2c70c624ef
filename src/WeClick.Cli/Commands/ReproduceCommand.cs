using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WeClick.Experiments;
using ExperimentReport = WeClick.Reports.ExperimentReport;
using WeClick.Training;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick reproduce</c>: the whole WeClick pipeline for a preset (README's main job).</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var arguments = new ExperimentArguments();
        var command = new Command("reproduce",
            "Run the whole pipeline for a preset: data and clicks, the teacher, the Table 1 students (weakly; +KD; +KD+MFD) for every seed, the fully supervised upper bound (dense teacher and students), evaluation, and a report; or, with --experiment, any experiment of the paper as one sweep (weclick experiments lists them). Finished runs are reused; interrupted ones resume.");
        var noUpperBound = new Option<bool>("--no-upper-bound")
        {
            Description = "Skip the fully supervised rows (teacher and students on dense labels, plain cross-entropy) that show what the clicks cost.",
        };
        command.Options.Add(noUpperBound);
        var experiment = new Option<string>("--experiment")
        {
            Description = $"The experiment to run: {string.Join(", ", PaperExperiments.Names)} (weclick experiments says what each varies). " +
                "table1 is the whole pipeline with its full report.",
            DefaultValueFactory = _ => "table1",
        };
        command.Options.Add(experiment);
        var planOnly = new Option<bool>("--plan")
        {
            Description = "Show the plan (every run, to train or reused from the workspace, and a time estimate) and stop: nothing is trained or written.",
        };
        command.Options.Add(planOnly);
        arguments.AddTo(command);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(experiment)!;
            var chosen = PaperExperiments.Get(name); // an unknown name fails here, before anything runs
            var config = arguments.ResolveAndConfigureEngine(parse);
            var workspace = parse.GetValue(arguments.Workspace)!;
            if (parse.GetValue(planOnly))
            {
                var sweep = name == "table1" ? PaperExperiments.Table1(config, !parse.GetValue(noUpperBound)) : chosen.Build(config);
                SweepRunner.Run(sweep, new SweepOptions { Workspace = workspace, Log = line => Console.Error.WriteLine(line), PlanOnly = true });
                return 0;
            }
            if (name != "table1")
            {
                return RunExperiment(chosen, config, workspace);
            }
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

    // Any experiment but table1: its sweep, its rows in the terminal and its report.
    private static int RunExperiment(PaperExperiment experiment, ExperimentConfig config, string workspace)
    {
        var result = ExperimentRunner.Run(experiment, config, new SweepOptions
        {
            Workspace = workspace,
            Log = line => Console.Error.WriteLine(line),
            ObserverFor = title => update => Observe(title, update),
        });
        var report = ExperimentReport.Write(result, workspace);
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{result.Sweep.Sweep.Title} on {config.Name}"));
        var columns = ExperimentReport.Columns(result);
        foreach (var (column, index) in columns.Select((c, i) => (c, i)))
        {
            table.AddColumn(index is 0 or 5 ? new TableColumn(Markup.Escape(column)) : new TableColumn(Markup.Escape(column)).RightAligned());
        }
        foreach (var cells in ExperimentReport.Rows(result))
        {
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Sweep.Trained} runs trained, {result.Sweep.Reused} reused; wall time {result.Sweep.WallSeconds / 60:F1} min; report {report}"));
        return 0;
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
