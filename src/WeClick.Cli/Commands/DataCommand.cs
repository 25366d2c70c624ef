using System.CommandLine;
using WeClick.Data;
using WeClick.Data.Synthetic;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick data</c>: make and check datasets.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var data = new Command("data", "Make and check datasets: the synthetic driving video, Cityscapes and CamVid layouts.");
        data.Subcommands.Add(CreateSynth());
        data.Subcommands.Add(CreateCheck());
        return data;
    }

    private static Command CreateSynth()
    {
        var defaults = new SyntheticVideoSettings();
        var output = new Option<string>("--out") { Description = "Root folder to write (created; refused if it holds a different synthetic set).", Required = true };
        var width = new Option<int>("--width") { Description = "Frame width.", DefaultValueFactory = _ => defaults.Width };
        var height = new Option<int>("--height") { Description = "Frame height.", DefaultValueFactory = _ => defaults.Height };
        var train = new Option<int>("--train") { Description = "Snippets (labelled frames) in the train split.", DefaultValueFactory = _ => defaults.TrainSnippets };
        var val = new Option<int>("--val") { Description = "Snippets in the val split.", DefaultValueFactory = _ => defaults.ValSnippets };
        var seed = new Option<int>("--seed") { Description = "Seed of the whole set (same seed and settings: byte-identical files).", DefaultValueFactory = _ => defaults.Seed };
        var noise = new Option<double>("--noise") { Description = "Sensor noise, in grey levels.", DefaultValueFactory = _ => defaults.NoiseLevel };
        var command = new Command("synth",
            "Write the synthetic driving video in the Cityscapes layout: 30-frame snippets (the 20th labelled), labels, instance ids and ground-truth optical flow.")
        {
            output, width, height, train, val, seed, noise,
        };
        command.SetAction(parse =>
        {
            var settings = defaults with
            {
                Width = parse.GetValue(width),
                Height = parse.GetValue(height),
                TrainSnippets = parse.GetValue(train),
                ValSnippets = parse.GetValue(val),
                Seed = parse.GetValue(seed),
                NoiseLevel = parse.GetValue(noise),
            };
            settings.Validate();
            var total = settings.TrainSnippets + settings.ValSnippets;
            var report = ConsoleProgress.Run("synthetic snippets", total,
                progress => SyntheticDatasetWriter.Write(parse.GetValue(output)!, settings, new Progress<SyntheticWriteProgress>(p => progress.Report(p.Done))));
            Console.WriteLine(report.ToString());
            return 0;
        });
        return command;
    }

    private static Command CreateCheck()
    {
        var root = new Option<string>("--root") { Description = "The Cityscapes-layout root (Cityscapes or the synthetic set).", Required = true };
        var command = new Command("check", "Check that a Cityscapes-layout dataset is complete: every snippet's frames, labels and instance maps.") { root };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(root)!;
            if (!Directory.Exists(folder))
            {
                throw new ArgumentException($"--root: the folder '{folder}' does not exist.");
            }
            var report = CityscapesLayout.Check(folder);
            Console.WriteLine(report.ToString());
            return report.IsComplete ? 0 : 1;
        });
        return command;
    }
}
