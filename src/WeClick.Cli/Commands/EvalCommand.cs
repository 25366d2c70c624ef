using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WeClick.Evaluation;
using WeClick.Experiments;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick eval</c>: metrics of trained weights on a split, with per-class IoU, size and speed.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var arguments = new ExperimentArguments();
        var trained = new TrainedModelArguments();
        var split = new Option<string?>("--split") { Description = "The split (default: the config's data.valSplit)." };
        var speed = new Option<bool>("--speed") { Description = "Also time single-frame inference (#params, median latency, FPS)." };
        var temporal = new Option<bool>("--temporal")
        {
            Description = "Also measure temporal consistency: agreement of consecutive predictions after flow warping, over runs of " +
                          "evaluation.temporalFrames frames (4 when it is 0) ending at each labelled frame, and the ground-truth labels' own " +
                          "TC with the same flow as a reference.",
        };
        var command = new Command("eval", "Evaluate weights on a split: mIoU, mPA, pixel accuracy and per-class IoU (flip/multi-scale per evaluation.* keys).")
        {
            split, speed, temporal,
        };
        trained.AddTo(command);
        arguments.AddTo(command);
        command.SetAction(parse =>
        {
            var config = arguments.ResolveAndConfigureEngine(parse, ConfigUse.Evaluation);
            var dataset = ExperimentData.OpenSplit(config, parse.GetValue(split) ?? config.Data.ValSplit, clicks: false);
            using var network = trained.Load(parse, config, dataset.Classes.Count);
            var result = ConsoleProgress.Run($"evaluating on {dataset.Name}", dataset.Count, progress =>
                new Evaluator(config.Evaluation).Evaluate(network, dataset, (done, _) => progress.Report(done)));
            var m = result.Metrics;
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"{network.Name} on {result.Dataset} ({result.Frames} frames): mIoU {100 * m.MeanIoU:F2} %, mPA {100 * m.MeanPixelAccuracy:F2} %, pixel accuracy {100 * m.PixelAccuracy:F2} %"));
            var table = new Table().Border(TableBorder.Rounded).AddColumn("class").AddColumn(new TableColumn("IoU (%)").RightAligned()).AddColumn(new TableColumn("accuracy (%)").RightAligned());
            for (var i = 0; i < m.ClassNames.Count; i++)
            {
                table.AddRow(m.ClassNames[i], Percent(m.PerClassIoU[i]), Percent(m.PerClassAccuracy[i]));
            }
            AnsiConsole.Write(table);
            if (parse.GetValue(temporal))
            {
                var frames = config.Evaluation.TemporalFrames >= 2 ? config.Evaluation.TemporalFrames : 4;
                var splitName = parse.GetValue(split) ?? config.Data.ValSplit;
                var consistency = ConsoleProgress.Run($"temporal consistency on {dataset.Name}", dataset.Count, progress =>
                    ExperimentEvaluation.MeasureTemporalConsistency(config, network, splitName, frames, (done, _) => progress.Report(done)));
                // Runs hold the frames on disk: without data.neighboursFolder CamVid's pairs lie further apart, and the line says so.
                var gaps = consistency.DistinctGaps;
                var apart = gaps.Any(g => g != 1) ? $"; pairs {string.Join(" or ", gaps)} video frames apart, the frames on disk" : "";
                Console.WriteLine(string.Create(c, $"temporal consistency: {100 * consistency.MeanAgreement:F2} % of pixels keep their class after flow warping ({consistency.Pairs.Count} consecutive pairs in runs of {frames} frames ending at each labelled frame{apart}; flow {ExperimentEvaluation.TemporalConsistencyFlow(config).Method})"));
                // The ground truth's TC with the same flow: what a correct segmentation scores, the bound the flow's errors set.
                var reference = ConsoleProgress.Run($"ground-truth temporal consistency on {dataset.Name}", dataset.Count, progress =>
                    ExperimentEvaluation.MeasureGroundTruthConsistency(config, splitName, frames, (done, _) => progress.Report(done)));
                Console.WriteLine(reference.Available
                    ? string.Create(c, $"reference: {100 * reference.MeanAgreement:F2} % for the {reference.Description}")
                    : $"reference: {reference.Description}");
                Console.WriteLine(GroundTruthConsistency.Caveat);
            }
            if (parse.GetValue(speed))
            {
                var p = ModelProfile.Measure(network, config.StudentSchedule.CropHeight, config.StudentSchedule.CropWidth, config.Evaluation.SpeedFrames);
                Console.WriteLine(string.Create(c, $"{p.Model}: {p.Parameters:N0} parameters; {p.MedianLatencyMs:F1} ms median per frame = {p.Fps:F1} FPS ({p.Width}×{p.Height}, batch 1, {p.Device}, {p.Threads} threads)"));
            }
            return 0;
        });
        return command;
    }

    private static string Percent(double value) => double.IsNaN(value) ? "–" : (100 * value).ToString("F1", CultureInfo.InvariantCulture);
}
