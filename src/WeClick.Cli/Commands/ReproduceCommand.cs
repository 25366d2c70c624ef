using System.CommandLine;
using System.Globalization;
using WeClick.Experiments;
using WeClick.Reports;
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
            var sweep = name == "table1" ? PaperExperiments.Table1(config, !parse.GetValue(noUpperBound)) : chosen.Build(config);
            var options = new SweepOptions
            {
                Workspace = workspace,
                Log = line => Console.Error.WriteLine(line),
                ObserverFor = title => update => Observe(title, update),
                PlanOnly = parse.GetValue(planOnly),
            };
            if (options.PlanOnly)
            {
                SweepRunner.Run(sweep, options);
                return 0;
            }
            // The reports draw their figures with the local plotly.js: a missing copy fails now, not after the training.
            PlotlyJs.EnsureInstalled("weclick reproduce writes its reports' figures with plotly.js, which is missing; nothing was trained");
            var result = ExperimentRunner.Run(chosen, sweep, options);
            var report = ExperimentReport.Write(result, workspace);
            var c = CultureInfo.InvariantCulture;
            if (name == "table1")
            {
                // The reproduction: Table 1 with its references, size and speed, per-class IoU and examples.
                var reproduction = ReproductionReport.Write(result, workspace);
                ResultTable.Write(ResultTable.Of(null, ["row", "mIoU (%)", "of dense", "mPA (%)", "TC (%)", "seeds", "paper mIoU (%)"], ReproductionReport.TableRows(result)));
                Console.WriteLine("of dense: mIoU as a share of the same network trained on dense labels (the paper's Cityscapes ratio is about 0.77).");
                Console.WriteLine("TC: temporal consistency, the share of pixels whose predicted class survives flow warping to the next frame.");
                foreach (var note in ExperimentReport.PaperNotes(result))
                {
                    Console.WriteLine(note);
                }
                if (result.Reference is { } measured)
                {
                    Console.WriteLine($"Reference: {measured.Description} {GroundTruthConsistency.Caveat}");
                }
                Console.WriteLine(string.Create(c, $"wall time {result.Sweep.WallSeconds / 60:F1} min; report {reproduction}; experiment report {report}"));
                return 0;
            }
            ResultTable.Write(ResultTable.Of($"{result.Sweep.Sweep.Title} on {config.Name}", ExperimentReport.Columns(result), ExperimentReport.Rows(result)));
            foreach (var note in ExperimentReport.PaperNotes(result))
            {
                Console.WriteLine(note);
            }
            Console.WriteLine(string.Create(c,
                $"{result.Sweep.Trained} runs trained, {result.Sweep.Reused} reused; wall time {result.Sweep.WallSeconds / 60:F1} min; report {report}"));
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
