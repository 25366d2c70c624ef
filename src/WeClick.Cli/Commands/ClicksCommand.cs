using System.CommandLine;
using Spectre.Console;
using WeClick.Clicks;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick clicks</c>: one click per object for every labelled frame of a dataset (WeClick §4.2).</summary>
internal static class ClicksCommand
{
    public static Command Create()
    {
        var dataset = new DatasetArguments();
        var output = new Option<string?>("--out") { Description = "Folder for the click files (default: <root>/clicks/<split>)." };
        var seed = new Option<int>("--seed") { Description = "Seed for clicks on objects whose centroid lies outside them.", DefaultValueFactory = _ => 0 };
        var radius = new Option<int>("--radius") { Description = "Dilate each click to a disk of this radius (statistics only; files store points).", DefaultValueFactory = _ => 0 };
        var minArea = new Option<int?>("--min-area")
        {
            Description = "Drop stuff components smaller than this many pixels (default: 512 px scaled from 2048x1024 to the image size).",
        };
        var command = new Command("clicks", "Write one click per object for every labelled frame of a dataset (WeClick section 4.2) and print statistics.")
        {
            output, seed, radius, minArea,
        };
        dataset.AddTo(command);
        command.SetAction(parse =>
        {
            var data = dataset.Open(parse);
            var settings = new ClickSettings
            {
                InstanceClasses = data.Classes.InstanceClasses.ToHashSet(),
                IgnoreIndex = data.Classes.IgnoreIndex,
                Seed = parse.GetValue(seed),
                Radius = parse.GetValue(radius),
                MinimumAreaOverride = parse.GetValue(minArea),
            };
            var folder = parse.GetValue(output) ?? Path.Combine(parse.GetValue(dataset.Root)!, "clicks", parse.GetValue(dataset.Split)!);
            var statistics = ConsoleProgress.Run($"clicks for {data.Name}", data.Count, progress => DatasetClicks.Write(data, settings, folder, progress));
            var table = new Table().Border(TableBorder.Rounded).AddColumn("quantity").AddColumn("value");
            foreach (var (quantity, value) in statistics.ToRows(data.Classes.Names))
            {
                table.AddRow(Markup.Escape(quantity), Markup.Escape(value));
            }
            AnsiConsole.Write(table);
            Console.WriteLine($"wrote {data.Count} click files to {folder}");
            return 0;
        });
        return command;
    }
}
