using System.CommandLine;
using System.Globalization;
using WeClick.Experiments;
using WeClick.Training;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick train teacher|student</c>: one recorded training run of an experiment config.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train the teacher (clicks only) or a student (clicks + KD + MFD) of an experiment; runs resume from their last checkpoint.");
        command.Subcommands.Add(Teacher());
        command.Subcommands.Add(Student());
        return command;
    }

    private static Command Teacher()
    {
        var arguments = new ExperimentArguments();
        var seed = new Option<int?>("--seed") { Description = "The run's seed (default: the config's first seed)." };
        var restart = new Option<bool>("--restart") { Description = "Discard the run folder's checkpoints and start over." };
        var command = new Command("teacher",
            "Train the teacher with weakly = pCE + λ·GatedCRF (Fig. 3a) into <workspace>/<name>/teacher-seed<N>-<key>, one folder per teacher config (the key hashes it); --set loss.supervision=dense trains the fully supervised upper bound (teacher-dense-seed<N>-<key>).")
        {
            seed, restart,
        };
        arguments.AddTo(command);
        command.SetAction(parse =>
        {
            var config = arguments.ResolveAndConfigureEngine(parse);
            var s = parse.GetValue(seed) ?? config.Seeds[0];
            var teacherConfig = TrainingSchemes.TeacherConfig(config);
            var variant = TrainingSchemes.VariantOf(teacherConfig.Loss); // weakly, or dense for the upper bound
            return Run(parse, arguments, teacherConfig, TrainingRole.Teacher, variant, s, null, parse.GetValue(restart));
        });
        return command;
    }

    private static Command Student()
    {
        var arguments = new ExperimentArguments();
        var seed = new Option<int?>("--seed") { Description = "The run's seed (default: the config's first seed)." };
        var restart = new Option<bool>("--restart") { Description = "Discard the run folder's checkpoints and start over." };
        var teacher = new Option<string?>("--teacher") { Description = "The teacher's weights (default: the best.safetensors of this config's teacher, <workspace>/<name>/teacher-seed<first seed>-<key>)." };
        var command = new Command("student",
            "Train a student with Eq. 5 (Fig. 3b); the loss weights choose the Table 1 row: --set loss.beta=0 for weakly+KD, --set loss.beta=0 --set loss.gamma=0 for weakly, and with --set loss.supervision=dense as well the fully supervised upper bound.")
        {
            seed, restart, teacher,
        };
        arguments.AddTo(command);
        command.SetAction(parse =>
        {
            var config = arguments.ResolveAndConfigureEngine(parse);
            var s = parse.GetValue(seed) ?? config.Seeds[0];
            var variant = TrainingSchemes.VariantOf(config.Loss);
            var layout = new RunLayout(parse.GetValue(arguments.Workspace)!);
            var teacherWeights = parse.GetValue(teacher) ?? TrainingCheckpoint.BestPath(layout.RunFolder(config, TrainingRole.Teacher,
                TrainingSchemes.VariantOf(TrainingSchemes.TeacherConfig(config).Loss), config.Seeds[0]));
            if ((config.Loss.Beta > 0 || config.Loss.Gamma > 0) && !File.Exists(teacherWeights))
            {
                throw new FileNotFoundException($"teacher weights '{teacherWeights}' do not exist: run `weclick train teacher` with the same config first, or pass --teacher PATH.");
            }
            return Run(parse, arguments, config, TrainingRole.Student, variant, s, teacherWeights, parse.GetValue(restart));
        });
        return command;
    }

    private static int Run(ParseResult parse, ExperimentArguments arguments, ExperimentConfig config, TrainingRole role, string variant, int seed, string? teacherWeights, bool restart)
    {
        var workspace = parse.GetValue(arguments.Workspace)!;
        var folder = new RunLayout(workspace).RunFolder(config, role, variant, seed);
        ExperimentData.EnsureData(config);
        if (restart && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        using var store = ResultStore.ForWorkspace(workspace);
        var validation = ExperimentData.OpenSplit(config, config.Data.ValSplit, clicks: false);
        var title = RunLayout.Title(role, role == TrainingRole.Teacher ? RunLayout.TeacherLabel(variant) : variant, seed);
        // The run this command trained (or reused), not another finished run of the same name, role, variant and seed
        // (another config in the same workspace, maybe finishing a moment later beside this one).
        var run = TrainingProgressView.Run(title, observer => RecordedTraining.Train(store, config, role, variant, seed, teacherWeights,
            new SweepOptions { Workspace = workspace, ObserverFor = _ => observer, Log = line => Console.Error.WriteLine(line) }, validation, title));
        var metrics = store.FinalMetrics(run.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: mIoU {100 * metrics["mIoU"]:F1} %, mPA {100 * metrics["mPA"]:F1} % on {config.Data.ValSplit}; weights {run.Checkpoint}"));
        return 0;
    }
}
