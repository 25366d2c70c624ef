using System.CommandLine;
using WeClick.Experiments;
using WeClick.Models;
using WeClick.Training;

namespace WeClick.Cli.Commands;

/// <summary>
/// <c>--weights</c> and <c>--model</c> of the commands that run trained weights (eval, infer), and the one rule that turns
/// them into a network: <see cref="CheckpointModel.Resolve"/>, announced in one line.
/// </summary>
internal sealed class TrainedModelArguments
{
    public Option<string> Weights { get; } = new("--weights") { Description = "The trained weights (a run's best.safetensors).", Required = true };

    public Option<string?> Model { get; } = new("--model")
    {
        Description = "Which network of the config the weights are: student or teacher. Default: the one the checkpoint records " +
                      "(student for a weights file without run state); a value that contradicts the checkpoint is an error.",
    };

    /// <summary>Adds <c>--weights</c> and <c>--model</c>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Weights);
        command.Options.Add(Model);
    }

    /// <summary>Builds the network the weights are and loads them; then says on stderr which network and why.</summary>
    /// <exception cref="FileNotFoundException">--weights does not exist.</exception>
    /// <exception cref="ArgumentException">--model is not student or teacher, or contradicts the checkpoint.</exception>
    public Segmentor Load(ParseResult parse, ExperimentConfig config, long classes)
    {
        var path = parse.GetValue(Weights)!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--weights '{path}' does not exist.");
        }
        TrainingRole? requested = parse.GetValue(Model) switch
        {
            null => null,
            "student" => TrainingRole.Student,
            "teacher" => TrainingRole.Teacher,
            var other => throw new ArgumentException($"--model must be student or teacher, not '{other}'."),
        };
        var choice = CheckpointModel.Resolve(config, path, requested);
        var network = ExperimentModels.LoadTrained(choice.Model, classes, path, ExperimentDevice.ParseDevice(config.Device));
        Console.Error.WriteLine(choice.Describe()); // after the load, so a file that does not load gives one error line only
        return network;
    }
}
