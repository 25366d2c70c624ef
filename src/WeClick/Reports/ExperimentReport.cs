using System.Globalization;
using Plotly.NET;
using WeClick.Experiments;
using WeClick.Training;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace WeClick.Reports;

/// <summary>
/// An experiment's report (issue #14): one folder per experiment, <c>&lt;workspace&gt;/&lt;config&gt;/experiments/&lt;name&gt;/</c>,
/// with <c>index.html</c>, <c>report.md</c> and <c>rows.csv</c>: the rows as mean ± std over seeds, a chart suited to the experiment with
/// the seeds' std as error bars (bars for tables, a line over n for Fig. 5, per-class bars for Fig. 6, mIoU against FPS
/// for Fig. 2), and what the run was. <see cref="Rows"/> are the cells <c>weclick reproduce --experiment</c> and
/// <c>weclick runs compare --experiment</c> print.
/// </summary>
public static class ExperimentReport
{
    /// <summary>The table's column names for <see cref="Rows"/>.</summary>
    public static IReadOnlyList<string> Columns(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = new List<string> { "row", "mIoU (%)", "of dense", "mPA (%)", "TC (%)", "seeds" };
        if (result.Profiles.Count > 0)
        {
            columns.AddRange(["#params (M)", "FPS"]);
        }
        columns.Add("paper mIoU (%)");
        if (result.Profiles.Count > 0)
        {
            columns.Add("paper #params (M)");
        }
        return columns;
    }

    /// <summary>
    /// One line of cells per row: label, mIoU, its share of the dense row of the same role (where the sweep has one), mPA,
    /// TC (in %, mean ± std over seeds), the seeds, and #params and FPS where measured.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var rows = result.Sweep.Rows;
        return rows.Select(r =>
        {
            var dense = rows.FirstOrDefault(d => d.Role == r.Role && d.Variant == "dense");
            var cells = new List<string>
            {
                r.Label, r.MeanIoU.Format(1, 100),
                dense is null || dense.MeanIoU.Mean <= 0 ? "–" : (r.MeanIoU.Mean / dense.MeanIoU.Mean).ToString("F2", c),
                r.MeanPixelAccuracy.Format(1, 100), r.TemporalConsistency?.Format(1, 100) ?? "not measured", string.Join(",", r.Seeds),
            };
            var profile = result.Profiles.GetValueOrDefault(r.Label);
            if (result.Profiles.Count > 0)
            {
                cells.Add(profile is null ? "" : (profile.Parameters / 1e6).ToString("F2", c));
                cells.Add(profile is null ? "" : profile.Fps.ToString("F1", c));
            }
            cells.Add(PaperMIoU(result.Experiment.Name, r));
            if (result.Profiles.Count > 0)
            {
                cells.Add(profile is not null && PaperNumbers.ParamsOf(profile.Model) is { } paper
                    ? string.Create(c, $"{paper.Millions:F2} ({paper.Paper}, {paper.Classes} classes)")
                    : "–");
            }
            return (IReadOnlyList<string>)cells;
        }).ToList();
    }

    /// <summary>The paper's mIoU of a row (<see cref="PaperNumbers"/>) with the paper's network, or "–" where the repository
    /// has none.</summary>
    public static string PaperMIoU(string experiment, SweepRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return PaperNumbers.MIoU(experiment, row.Label) is { } paper
            ? string.Create(CultureInfo.InvariantCulture, $"{paper.Value:F1} ({paper.Network})")
            : "–";
    }

    /// <summary>What the report says about the paper's numbers: its claims that belong to no row, what is missing, and how
    /// to read the columns.</summary>
    public static IReadOnlyList<string> PaperNotes(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return PaperNotes(result.Experiment.Name);
    }

    /// <summary>The paper notes of an experiment by name (<c>runs compare</c> prints them without a run result).</summary>
    public static IReadOnlyList<string> PaperNotes(string experiment)
    {
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        var notes = PaperNumbers.Claims(experiment).Select(claim => "The paper: " + claim.Text).ToList();
        notes.Add(PaperNumbers.MissingNote(experiment));
        notes.Add("\"paper\" columns: the paper's values on its own data and networks (named in each cell; #Params at its class count), " +
            "to read beside ours, not as the same measurement.");
        return notes;
    }

    /// <summary>Writes the report into <c>&lt;workspace&gt;/&lt;config&gt;/experiments/&lt;name&gt;/</c>.</summary>
    /// <returns>The path of index.html.</returns>
    public static string Write(ExperimentResult result, string workspace)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        var sweep = result.Sweep.Sweep;
        var report = new HtmlReport($"{sweep.Title} on {sweep.Base.Name}");
        report.Paragraph($"{result.Experiment.Name}: {result.Experiment.Varies}.");
        if (result.Experiment.OnQuick.Length > 0 && sweep.Base.Data.Dataset == "synthetic")
        {
            report.Paragraph($"Scaled for a CPU on the synthetic video: {result.Experiment.OnQuick}.");
        }
        report.Paragraph(FormattableString.Invariant(
            $"Dataset {sweep.Base.Data.Dataset}; teacher {sweep.Base.Teacher.Name}, student {sweep.Base.Student.Name} unless a row says otherwise; seeds {string.Join(", ", sweep.TrainedSeeds)} ")
            + FormattableString.Invariant($"(one teacher per distinct teacher setting, trained with the preset's first seed). {result.Sweep.Trained} runs trained and {result.Sweep.Reused} reused in {result.Sweep.WallSeconds / 60:F1} min.")
            + " mIoU, mPA and TC in %, mean ± std over seeds (sample std).");
        report.Table(Columns(result), Rows(result));
        foreach (var note in PaperNotes(result))
        {
            report.Paragraph(note);
        }
        report.Figure(Chart(result));
        if (result.Sweep.Notes.Count > 0)
        {
            report.Heading("Neighbour frames");
            foreach (var line in result.Sweep.Notes)
            {
                report.Paragraph(line);
            }
        }
        report.Paragraph("rows.csv beside this page holds the rows as numbers (mean and std over seeds, per-class IoU); " +
            $"weclick runs export --experiment {result.Experiment.Name} writes every run, one line per seed.");
        var folder = new RunLayout(workspace).ExperimentReport(sweep.Base, result.Experiment.Name);
        var page = report.Write(folder);
        SweepExport.Write(Path.Combine(folder, "rows.csv"), SweepExport.RowsCsv(result.Sweep));
        return page;
    }

    /// <summary>The experiment's chart (a Plotly.NET chart), with the seeds' std as error bars.</summary>
    public static GenericChart Chart(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Sweep.Rows;
        var students = rows.Where(r => r.Role == TrainingRole.Student).ToList();
        var title = $"{result.Sweep.Sweep.Title}: mIoU (%), mean ± std over seeds";
        switch (result.Experiment.Chart)
        {
            case ExperimentChart.LineOverFrames:
            {
                var points = result.Sweep.Sweep.Expand().ToDictionary(p => p.Label);
                var lines = new List<GenericChart>();
                foreach (var direction in students.Where(r => points[r.Label].Config.Clip.Frames > 1)
                             .Select(r => points[r.Label].Config.Clip.Direction).Distinct())
                {
                    // Each direction's line starts from n = 1, the row both share (nothing to warp, nothing to choose).
                    var line = students.Where(r => points[r.Label].Config.Clip.Frames == 1 || points[r.Label].Config.Clip.Direction == direction)
                        .OrderBy(r => points[r.Label].Config.Clip.Frames).ToList();
                    lines.Add(CSharpChart.Line<double, double, string>(x: line.Select(r => (double)points[r.Label].Config.Clip.Frames).ToArray(),
                            y: line.Select(r => 100 * r.MeanIoU.Mean).ToArray(), ShowMarkers: true,
                            Name: direction switch { Data.FrameDirection.BiDirection => "bi-direction", _ => direction.ToString().ToLowerInvariant() })
                        .WithTraceValues(0, ("error_y", ChartStyle.ErrorBars(line.Select(r => 100 * r.MeanIoU.Std).ToArray(), line.Count))));
                }
                return CSharpChart.Combine(lines)
                    .WithTitleText(title)
                    .WithAxis("x", ("title", ChartStyle.Text("input frames n")), ("dtick", 1))
                    .WithAxis("y", ("title", ChartStyle.Text("mIoU (%)")));
            }
            case ExperimentChart.PerClass:
                return Charts.GroupedBar(result.Sweep.ClassNames, students.Select(r => (r.Label, (IReadOnlyList<double>)r.PerClassIoU.Select(v => 100 * v).ToArray())).ToArray(),
                    $"{result.Sweep.Sweep.Title}: IoU per class (%), mean over seeds", "IoU (%)");
            case ExperimentChart.AccuracyAgainstSpeed when result.Profiles.Count > 0:
            {
                var measured = students.Where(r => result.Profiles.ContainsKey(r.Label)).ToList();
                return Charts.Scatter(measured.Select(r => (r.Label, result.Profiles[r.Label].Fps, 100 * r.MeanIoU.Mean)).ToArray(),
                    $"{result.Sweep.Sweep.Title}: mIoU against inference speed", "frames per second (one frame, batch 1)", "mIoU (%)",
                    measured.Select(r => 100 * r.MeanIoU.Std).ToArray());
            }
            default:
            {
                var labels = rows.Select(r => r.Label).ToArray();
                return CSharpChart.Column<double, string, string>(values: rows.Select(r => 100 * r.MeanIoU.Mean).ToArray(), Keys: labels,
                        MultiText: rows.Select(r => r.MeanIoU.Format(1, 100)).ToArray())
                    .WithTraceValues(0, ("error_y", ChartStyle.ErrorBars(rows.Select(r => 100 * r.MeanIoU.Std).ToArray(), rows.Count)))
                    .WithTitleText(title)
                    .WithAxis("y", ("title", ChartStyle.Text("mIoU (%)")))
                    .WithAxis("x", ("tickangle", labels.Length > 4 ? -30 : null));
            }
        }
    }
}
