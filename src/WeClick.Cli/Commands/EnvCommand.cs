using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using WeClick.Diagnostics;
using WeClick.Torch;

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
        var threads = new Option<int?>("--threads") { Description = "libtorch threads (default: libtorch's own choice)." };
        var device = new Option<string>("--device") { Description = "Where to measure: cpu or cuda[:N].", DefaultValueFactory = _ => "cpu" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("env", "Print libtorch and OpenCV versions, threads, CPU capability, CUDA availability and a conv2d throughput figure.")
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
            if (parse.GetValue(threads) is int t)
            {
                torch.set_num_threads(t);
            }
            var target = Device.Parse(parse.GetValue(device) ?? "cpu");
            if (target.Type == DeviceType.CUDA && !torch.cuda.is_available())
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

    private static void Print(EnvironmentReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("what").AddColumn("value");
        void Row(string what, string value) => table.AddRow(Markup.Escape(what), Markup.Escape(value));
        Row("libtorch", report.LibTorchVersion);
        Row("OpenCV", report.OpenCvVersion);
        Row(".NET", report.DotNetVersion);
        Row("OS", report.OperatingSystem);
        Row("threads (libtorch / cores)", $"{report.Threads} / {report.LogicalCores}");
        Row("parallel backend", report.ParallelBackend);
        Row("CPU capability", report.CpuCapability);
        Row("malloc", report.MallocPolicy);
        Row("CUDA", report.CudaAvailable ? $"available, {report.CudaDevices} device(s)" : "not available");
        Row("conv2d 3x3 64->64 on 4x64x96x96 (forward)",
            string.Create(CultureInfo.InvariantCulture,
                $"{report.Conv2d.Gflops:F1} GFLOP/s on {report.Conv2d.Device} (median {report.Conv2d.MedianMilliseconds:F1} ms over {report.Conv2d.Calls} calls)"));
        AnsiConsole.Write(table);
    }
}
