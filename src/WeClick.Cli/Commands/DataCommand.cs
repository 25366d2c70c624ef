using System.CommandLine;
using WeClick.Data;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick data</c>: make and check datasets.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var data = new Command("data", "Make and check datasets: the synthetic driving video, Cityscapes and CamVid layouts.");
        data.Subcommands.Add(CreateCheck());
        return data;
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
