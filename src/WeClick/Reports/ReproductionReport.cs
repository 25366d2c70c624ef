using System.Globalization;
using TorchSharp;
using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Experiments;
using WeClick.Models;
using WeClick.Training;
using static TorchSharp.torch;

namespace WeClick.Reports;

/// <summary>
/// The reproduction's report, <c>&lt;workspace&gt;/&lt;config&gt;/report/</c> (<see cref="RunLayout.ReproductionReport"/>):
/// Table 1 on this data with the ground truth's temporal consistency as a reference row, the neighbour frames the clips
/// used, size and speed, per-class IoU, and example masks of the teacher and each student. <c>weclick reproduce</c>
/// writes it after the Table 1 experiment (<see cref="PaperExperiments.Table1"/>, run by <see cref="ExperimentRunner"/>).
/// </summary>
public static class ReproductionReport
{
    /// <summary>The table's column names for <see cref="TableRows"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["row", "mIoU (%)", "of dense", "mPA (%)", "temporal consistency (%)", "seeds", "paper mIoU (%)"];

    /// <summary>
    /// The rows of the report's Table 1: each row with its network (mIoU in %, its share of the dense row of its role, mPA
    /// and TC in %, seeds; the cells of <see cref="ExperimentReport.Rows"/>), then, where the experiment measured it, the
    /// ground-truth labels' TC as a reference row with the other cells blank. <c>weclick reproduce</c> prints the same rows.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> TableRows(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var rows = result.Sweep.Rows;
        var table = ExperimentReport.Rows(result).Select((cells, i) => (IReadOnlyList<string>)
            [RunLayout.RowWithModel(rows[i].Role, rows[i].Label, rows[i].Model), .. cells.Skip(1).Take(5), ExperimentReport.PaperMIoU(result.Experiment.Name, rows[i])]).ToList();
        if (result.Reference is { } reference)
        {
            table.Add(["ground-truth labels (reference)", "", "", "",
                reference.Available ? (100 * reference.MeanAgreement).ToString("F1", c) : "not available", "", ""]);
        }
        return table;
    }

    /// <summary>Writes the report.</summary>
    /// <param name="result">Table 1's result (<see cref="ExperimentRunner.Run(PaperExperiment, Sweep, SweepOptions)"/>).</param>
    /// <param name="workspace">The workspace it ran in.</param>
    /// <returns>The path of index.html.</returns>
    public static string Write(ExperimentResult result, string workspace)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        var c = CultureInfo.InvariantCulture;
        var config = result.Config;
        var validation = ExperimentData.OpenSplit(config, config.Data.ValSplit, clicks: false);
        var report = new HtmlReport($"WeClick reproduction: {config.Name}");
        report.Paragraph(string.Create(c,
            $"Dataset {config.Data.Dataset} ({validation.Count} validation frames); teacher {config.Teacher.Name}, student {config.Student.Name}; " +
            $"seeds {string.Join(", ", result.Sweep.Sweep.TrainedSeeds)}; {result.Sweep.WallSeconds / 60:F1} min on {config.Device}. mIoU and mPA in %, mean ± std over seeds (one teacher)."));
        report.Heading("Table 1 on this data");
        report.Table(Columns, TableRows(result));
        report.Paragraph("\"of dense\": mIoU as a share of the same network trained on the dense labels with plain cross-entropy " +
            "(the upper bound; the paper's Cityscapes ratio is about 0.77). " + SelectionNote(config));
        foreach (var note in ExperimentReport.PaperNotes(result))
        {
            report.Paragraph(note);
        }
        if (result.Reference is { } reference)
        {
            report.Paragraph($"Reference: {reference.Description} {GroundTruthConsistency.Caveat}");
        }
        if (result.Sweep.Notes.Count > 0)
        {
            // How far apart the frames MFD, KD and temporal consistency compare are: not the paper's setting where frames fell back.
            report.Heading("Neighbour frames");
            foreach (var line in result.Sweep.Notes)
            {
                report.Paragraph(line);
            }
        }
        if (result.Profiles.Count > 0)
        {
            report.Heading("Size and speed");
            report.Table(["model", "#params (M)", "latency (ms)", "FPS", "input", "device, threads", "paper #params (M)"], result.Profiles.Values.DistinctBy(p => p.Model).Select(p => (IReadOnlyList<string>)
            [
                p.Model, (p.Parameters / 1e6).ToString("F2", c), p.MedianLatencyMs.ToString("F1", c), p.Fps.ToString("F1", c), $"{p.Width}×{p.Height}, batch 1", $"{p.Device}, {p.Threads}",
                PaperNumbers.ParamsOf(p.Model) is { } paper ? string.Create(c, $"{paper.Millions:F2} ({paper.Paper}, {paper.Classes} classes)") : "–",
            ]));
        }
        report.Heading("Per-class IoU");
        report.BarChart("IoU per class (mean over seeds)", validation.Classes.Names,
            result.Sweep.Rows.Select(r => (RunLayout.RowWithModel(r.Role, r.Label, r.Model), r.PerClassIoU)).ToArray(), interactive: true);
        report.Heading("Examples");
        AddExamples(report, result, validation);
        return report.Write(new RunLayout(workspace).ReproductionReport(config));
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

    // Two validation frames: image | ground truth | the click teacher | each click-trained student (the first seed's run).
    private static void AddExamples(HtmlReport report, ExperimentResult result, IClipDataset validation)
    {
        var config = result.Config;
        var device = ExperimentDevice.ParseDevice(config.Device);
        var evaluator = new Evaluator(config.Evaluation);
        var models = new List<(string Name, Segmentor Model)>();
        try
        {
            foreach (var row in result.Sweep.Rows.Where(r => r.Variant != "dense" && r.Weights is { } w && File.Exists(w)))
            {
                var network = row.Role == TrainingRole.Teacher ? config.Teacher : config.Student;
                models.Add((row.Role == TrainingRole.Teacher ? "teacher" : row.Label, ExperimentModels.LoadTrained(network, validation.Classes.Count, row.Weights!, device)));
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
