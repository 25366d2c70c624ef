using System.Globalization;
using TorchSharp;
using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Models;
using WeClick.Reports;
using WeClick.Training;
using static TorchSharp.torch;

namespace WeClick.Experiments;

// The reproduction's report: Table 1 on this data (with the ground truth's TC as a reference row), size and speed, per-class IoU, example masks.
public static partial class Reproduction
{
    /// <summary>The sentence the report puts beside temporal consistency: why TC is read against mIoU and the ground truth's TC.</summary>
    public const string ConsistencyCaveat =
        "A constant predictor scores 100 % TC, so TC alone is no evidence for MFD; read it next to mIoU, against the ground truth's TC (the flow's own error bound).";

    /// <summary>
    /// The rows of the report's Table 1: each model row (mIoU in %, its share of the dense row of its role, mPA and TC in %,
    /// seeds), then, where <paramref name="reference"/> is given, the ground-truth labels' TC as a reference row with the
    /// other cells blank. The CLI prints the same rows.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> TableRows(IReadOnlyList<ReproductionRow> rows, GroundTruthConsistency? reference)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var c = CultureInfo.InvariantCulture;
        var table = rows.Select(r => (IReadOnlyList<string>)
        [
            r.Label, r.MeanIoU.Format(1, 100), r.ShareOfDense(rows)?.ToString("F2", c) ?? "–", r.MeanPixelAccuracy.Format(1, 100),
            r.TemporalConsistency?.Format(1, 100) ?? "not measured", string.Join(",", r.Seeds),
        ]).ToList();
        if (reference is not null)
        {
            table.Add(["ground-truth labels (reference)", "", "", "",
                reference.Available ? (100 * reference.MeanAgreement).ToString("F1", c) : "not available", ""]);
        }
        return table;
    }

    private static string WriteReport(ExperimentConfig config, IReadOnlyList<ReproductionRow> rows, GroundTruthConsistency? reference,
        IReadOnlyList<ModelProfile> profiles, IClipDataset validation, string workspace, string teacherWeights, IReadOnlyList<string> neighbours, double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        var classes = validation.Classes;
        var report = new HtmlReport($"WeClick reproduction: {config.Name}");
        report.Paragraph(string.Create(c,
            $"Dataset {config.Data.Dataset} ({validation.Count} validation frames); teacher {config.Teacher.Name}, student {config.Student.Name}; " +
            $"seeds {string.Join(", ", config.Seeds)}; {seconds / 60:F1} min on {config.Device}. mIoU and mPA in %, mean ± std over seeds (one teacher)."));
        report.Heading("Table 1 on this data");
        report.Table(["row", "mIoU (%)", "of dense", "mPA (%)", "temporal consistency (%)", "seeds"], TableRows(rows, reference));
        report.Paragraph("\"of dense\": mIoU as a share of the same network trained on the dense labels with plain cross-entropy " +
            "(the upper bound; the paper's Cityscapes ratio is about 0.77). " + SelectionNote(config));
        if (reference is not null)
        {
            report.Paragraph($"Reference: {reference.Description} {ConsistencyCaveat}");
        }
        if (neighbours.Count > 0)
        {
            // How far apart the frames MFD, KD and temporal consistency compare are: not the paper's setting where frames fell back.
            report.Heading("Neighbour frames");
            foreach (var line in neighbours)
            {
                report.Paragraph(line);
            }
        }
        report.Heading("Size and speed");
        report.Table(["model", "#params (M)", "latency (ms)", "FPS", "input", "device, threads"], profiles.Select(p => (IReadOnlyList<string>)
        [
            p.Model, (p.Parameters / 1e6).ToString("F2", c), p.MedianLatencyMs.ToString("F1", c), p.Fps.ToString("F1", c), $"{p.Width}×{p.Height}, batch 1", $"{p.Device}, {p.Threads}",
        ]));
        report.Heading("Per-class IoU");
        report.BarChart("IoU per class (mean over seeds)", classes.Names, rows.Select(r => (r.Label, r.PerClassIoU)).ToArray(), interactive: true);
        report.Heading("Examples");
        AddExamples(report, config, validation, workspace, teacherWeights);
        return report.Write(Path.Combine(workspace, config.Name, "report"));
    }

    // Which weights each row reports: picked apart from the split the table reports, unless the config says otherwise.
    private static string SelectionNote(ExperimentConfig config)
    {
        var selections = new[] { config.TeacherSchedule.Selection, config.StudentSchedule.Selection }.Distinct().ToArray();
        return selections is [CheckpointSelection.Last]
            ? "Every row reports its last epoch's weights: no model was selected on the validation split it is reported on."
            : $"Model selection: teacher {Describe(config.TeacherSchedule.Selection)}, students {Describe(config.StudentSchedule.Selection)}.";

        static string Describe(CheckpointSelection selection) => selection == CheckpointSelection.Last
            ? "the last epoch's weights"
            : "the best validated epoch, picked on the split reported here (optimistic: the numbers are not held out)";
    }

    // Two validation frames: image | ground truth | teacher | each student (seed of the first seed).
    private static void AddExamples(HtmlReport report, ExperimentConfig config, IClipDataset validation, string workspace, string teacherWeights)
    {
        var device = ExperimentDevice.ParseDevice(config.Device);
        var evaluator = new Evaluator(config.Evaluation);
        var models = new List<(string Name, Segmentor Model)>();
        try
        {
            models.Add(("teacher", ExperimentModels.LoadTrained(config.Teacher, validation.Classes.Count, teacherWeights, device)));
            foreach (var (variant, loss) in StudentRows)
            {
                var studentConfig = config with { Loss = loss(config.Loss) };
                var weights = TrainingCheckpoint.BestPath(RunIdentity.Folder(workspace, studentConfig, TrainingRole.Student, variant, config.Seeds[0]));
                if (File.Exists(weights))
                {
                    models.Add((variant, ExperimentModels.LoadTrained(config.Student, validation.Classes.Count, weights, device)));
                }
            }
            var picks = validation.Count > 1 ? new[] { 0, validation.Count / 2 } : new[] { 0 };
            foreach (var index in picks)
            {
                using var clip = validation.GetClip(index, 0);
                using var scope = NewDisposeScope();
                var panels = new List<Tensor> { clip.Image, SegmentationPalette.Colorize(clip.Label, validation.Classes) };
                panels.AddRange(models.Select(m => SegmentationPalette.Colorize(evaluator.Predict(m.Model, clip.Image), validation.Classes)));
                var separator = full([clip.Image.size(0), 4, 3], 255, ScalarType.Byte);
                var row = cat(panels.SelectMany((p, i) => i == 0 ? new[] { p } : new[] { separator, p }).ToArray(), 1);
                report.Image($"example-{index}", row, $"{clip.Name}: image | ground truth | {string.Join(" | ", models.Select(m => m.Name))}");
            }
        }
        finally
        {
            foreach (var (_, model) in models)
            {
                model.Dispose();
            }
        }
    }
}
