using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TorchSharp;
using WeClick.Diagnostics;
using WeClick.Engine;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick env</c>: what the engine runs on, and a conv2d throughput figure.</summary>
internal static class EnvCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds")
        {
            Description = "How long to measure conv2d throughput, in seconds.",
            DefaultValueFactory = _ => 5.0,
        };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var device = new Option<string>("--device") { Description = "Where to measure: cpu or cuda[:N].", DefaultValueFactory = _ => "cpu" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("env", "Print the engine (TorchSharp, libtorch, the Debian 12 compatibility step, backend), OpenCV, threads, CPU capability and a conv2d throughput figure.")
        {
            seconds, threads, device, json,
        };
        command.SetAction(parse =>
        {
            var measureFor = parse.GetValue(seconds);
            if (measureFor <= 0 || measureFor > 600)
            {
                throw new ArgumentException($"--seconds must be in (0, 600]; got {measureFor.ToString(CultureInfo.InvariantCulture)}.");
            }
            var threadCount = parse.GetValue(threads);
            if (threadCount < 0)
            {
                throw new ArgumentException($"--threads must be at least 0 (0 = all cores); got {threadCount}.");
            }
            TorchEngine.Configure(threadCount);
            var target = ParseDevice(parse.GetValue(device) ?? "cpu");
            if (target.type == DeviceType.CUDA && !torch.cuda.is_available())
            {
                throw new ArgumentException("--device cuda: this libtorch has no CUDA support or sees no GPU (see environment.md, 'CUDA').");
            }
            var report = EnvironmentReport.Collect(TimeSpan.FromSeconds(measureFor), target);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Print(report);
            }
            return 0;
        });
        return command;
    }

    private static torch.Device ParseDevice(string text)
    {
        try
        {
            return torch.device(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Runtime.InteropServices.ExternalException)
        {
            throw new ArgumentException($"--device: '{text}' is not cpu or cuda[:N].", e);
        }
    }

    private static void Print(EnvironmentReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("what").AddColumn("value");
        foreach (var (what, value) in report.Rows())
        {
            table.AddRow(Markup.Escape(what), Markup.Escape(value));
        }
        AnsiConsole.Write(table);
    }
}
