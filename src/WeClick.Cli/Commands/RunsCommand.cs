using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WeClick.Experiments;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick runs list|compare|export</c>: the results store of a workspace.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var command = new Command("runs", "Inspect the results store of a workspace (<workspace>/results.sqlite): list runs, compare seeds, list sweeps, export CSV.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Compare());
        command.Subcommands.Add(Sweeps());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Option<string> Workspace() =>
        new("--workspace") { Description = "The workspace folder holding results.sqlite.", DefaultValueFactory = _ => "runs" };

    private static ResultStore Open(string workspace) => ResultStore.OpenExisting(Path.Combine(workspace, ResultStore.FileName));

    private static Command List()
    {
        var workspace = Workspace();
        var experiment = new Option<string?>("--experiment") { Description = "Only this experiment." };
        var command = new Command("list", "A table of the runs (id, experiment, role, variant, seed, status, times, mIoU, checkpoint).") { workspace, experiment };
        command.SetAction(parse =>
        {
            using var store = Open(parse.GetValue(workspace)!);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in new[] { "id", "experiment", "role", "variant", "seed", "status", "started", "ended", "mIoU", "checkpoint" })
            {
                table.AddColumn(column);
            }
            foreach (var run in store.Runs(new RunFilter(Experiment: parse.GetValue(experiment))))
            {
                var metrics = store.FinalMetrics(run.Id);
                table.AddRow(
                    run.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(run.Experiment), run.Role.ToString().ToLowerInvariant(), Markup.Escape(run.Variant),
                    run.Seed.ToString(CultureInfo.InvariantCulture), run.Status.ToString().ToLowerInvariant(),
                    run.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), run.Ended?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                    metrics.TryGetValue("mIoU", out var miou) ? miou.ToString("F4", CultureInfo.InvariantCulture) : "",
                    Markup.Escape(run.Checkpoint ?? run.Message ?? ""));
            }
            ResultTable.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Compare()
    {
        var workspace = Workspace();
        var experiment = new Option<string?>("--experiment")
        {
            Description = "An experiment of `weclick experiments` (table2, ...: the rows of its sweeps, as reproduce --experiment printed them), " +
                "or a config name (quick, ...: every role and variant trained under it). Default: the only config name in the store.",
        };
        var metrics = new Option<string[]>("--metric") { Description = "Final metrics to show (repeatable; default mIoU).", DefaultValueFactory = _ => ["mIoU"] };
        var percent = new Option<bool>("--percent") { Description = "Show metrics stored as fractions as percentages (x 100)." };
        var decimals = new Option<int>("--decimals") { Description = "Decimals shown.", DefaultValueFactory = _ => 1 };
        var command = new Command("compare", "Mean ± std over seeds of final metrics per role and variant of an experiment (finished runs only; one row per config where a role and variant has several).")
        {
            workspace, experiment, metrics, percent, decimals,
        };
        command.SetAction(parse =>
        {
            using var store = Open(parse.GetValue(workspace)!);
            if (parse.GetValue(experiment) is { } named && PaperExperiments.Names.Contains(named))
            {
                return CompareSweeps(store, PaperExperiments.Get(named));
            }
            var name = parse.GetValue(experiment) ?? store.Experiments() switch
            {
                [var only] => only,
                [] => throw new InvalidOperationException($"{store.Path}: no runs yet."),
                var all => throw new ArgumentException($"--experiment is needed: the store holds {string.Join(", ", all)}."),
            };
            var summaries = store.Summaries(name);
            if (summaries.Count == 0)
            {
                throw new ArgumentException($"{store.Path}: no finished runs of experiment '{name}' (experiments: {string.Join(", ", store.Experiments())}).");
            }
            var shown = parse.GetValue(metrics)!;
            var scale = parse.GetValue(percent) ? 100.0 : 1.0;
            // One role and variant trained with two configs (two teacher settings in one workspace) is two rows, told apart
            // by the config key; `runs list` and the store's runs table show which run is which.
            var configs = WeClick.Reports.Tables.HasSeveralConfigs(summaries);
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(name)).AddColumn("role").AddColumn("variant");
            if (configs)
            {
                table.AddColumn("config");
            }
            table.AddColumn("seeds");
            foreach (var metric in shown)
            {
                table.AddColumn(Markup.Escape(metric));
            }
            foreach (var summary in summaries)
            {
                var cells = new List<string> { summary.Role.ToString().ToLowerInvariant(), Markup.Escape(summary.Variant) };
                if (configs)
                {
                    cells.Add(summary.Config);
                }
                cells.Add(string.Join(",", summary.Seeds));
                cells.AddRange(shown.Select(m => summary.Metrics.TryGetValue(m, out var s) ? s.Format(parse.GetValue(decimals), scale) : "–"));
                table.AddRow(cells.ToArray());
            }
            ResultTable.Write(table);
            return 0;
        });
        return command;
    }

    // The rows of every sweep of an experiment in the store (one per preset it ran on), as reproduce --experiment printed them.
    private static int CompareSweeps(ResultStore store, PaperExperiment experiment)
    {
        var sweeps = store.Sweeps(experiment.Name);
        if (sweeps.Count == 0)
        {
            throw new ArgumentException($"{store.Path}: experiment '{experiment.Name}' has not run in this workspace (weclick reproduce --experiment {experiment.Name}).");
        }
        foreach (var record in sweeps)
        {
            var sweep = Sweep.FromDefinition(record.Definition);
            var (rows, classes) = SweepRunner.Rows(store, record.Id, SweepRunner.RowLabels(sweep));
            var result = new ExperimentResult(experiment, new SweepResult(sweep, record.Id, rows, classes, [], 0, 0, 0), new Dictionary<string, WeClick.Evaluation.ModelProfile>());
            var table = ResultTable.Of($"{sweep.Title} on {record.Experiment} (sweep {record.Id}, {record.Runs} runs)",
                WeClick.Reports.ExperimentReport.Columns(result), WeClick.Reports.ExperimentReport.Rows(result));
            ResultTable.Write(table);
        }
        foreach (var note in WeClick.Reports.ExperimentReport.PaperNotes(experiment.Name))
        {
            Console.WriteLine(note);
        }
        return 0;
    }

    private static Command Sweeps()
    {
        var workspace = Workspace();
        var command = new Command("sweeps", "The sweeps in the store: each experiment run on each preset, with its key and how many runs it groups.") { workspace };
        command.SetAction(parse =>
        {
            using var store = Open(parse.GetValue(workspace)!);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in new[] { "id", "experiment", "config", "key", "runs", "created" })
            {
                table.AddColumn(column);
            }
            foreach (var sweep in store.Sweeps())
            {
                table.AddRow(sweep.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(sweep.Name), Markup.Escape(sweep.Experiment), sweep.Key,
                    sweep.Runs.ToString(CultureInfo.InvariantCulture), sweep.Created.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            }
            ResultTable.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var workspace = Workspace();
        var what = new Option<string?>("--table") { Description = $"A table ({string.Join(", ", ResultStore.Tables)}) or a SELECT query." };
        var experiment = new Option<string?>("--experiment")
        {
            Description = "An experiment of `weclick experiments`: every finished run of its sweeps, one line per seed, with the axis values as columns, " +
                "mIoU, mPA, TC and per-class IoU (fractions in 0..1).",
        };
        var config = new Option<string?>("--config") { Description = "With --experiment: only its sweeps on this config (preset name)." };
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var command = new Command("export", "Write a table of the store, a SELECT query's result, or an experiment's runs to a CSV file (one of --table, --experiment).")
        {
            workspace, what, experiment, config, output,
        };
        command.SetAction(parse =>
        {
            var (table, name) = (parse.GetValue(what), parse.GetValue(experiment));
            if ((table is null) == (name is null))
            {
                throw new ArgumentException("runs export: give one of --table TABLE|QUERY and --experiment NAME.");
            }
            var chosen = name is null ? null : PaperExperiments.Get(name); // an unknown name fails before the store opens
            using var store = Open(parse.GetValue(workspace)!);
            var path = parse.GetValue(output)!;
            if (chosen is null)
            {
                Console.WriteLine($"wrote {store.ExportCsv(table!, path)} rows to {path}");
                return 0;
            }
            var sweeps = store.Sweeps(chosen.Name).Where(s => parse.GetValue(config) is not { } c || s.Experiment == c).ToList();
            if (sweeps.Count == 0)
            {
                throw new ArgumentException($"{store.Path}: experiment '{chosen.Name}' has not run in this workspace{(parse.GetValue(config) is { } c ? $" on config '{c}'" : "")} (weclick runs sweeps lists what has).");
            }
            var (csv, runs) = SweepExport.RunsCsv(store, sweeps.Select(s => s.Id).ToList());
            SweepExport.Write(path, csv);
            Console.WriteLine($"wrote {runs} runs of {chosen.Name} ({sweeps.Count} sweep{(sweeps.Count == 1 ? "" : "s")}) to {path}");
            return 0;
        });
        return command;
    }
}
