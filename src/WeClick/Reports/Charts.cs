using System.Globalization;
using Plotly.NET;
using WeClick.Evaluation;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace WeClick.Reports;

/// <summary>
/// The workbench's common figures as Plotly.NET charts: bars, grouped bars, lines, labelled scatter plots, heatmaps,
/// confusion matrices, per-class IoU and training curves. Each returns a <see cref="GenericChart"/>, which a notebook
/// cell shows (plotly JSON and offline HTML, <see cref="ChartOutput"/>), <see cref="HtmlReport.Figure"/> puts in a
/// report, and Plotly.NET's own functions can restyle further.
/// </summary>
public static class Charts
{
    /// <summary>A bar chart of one series (values printed on the bars with <paramref name="valueFormat"/>; NaN: no bar).</summary>
    /// <exception cref="ArgumentException">Not one value per category.</exception>
    public static GenericChart Bar(IReadOnlyList<string> categories, IReadOnlyList<double> values, string? title = null, string? valueTitle = null, string valueFormat = "F3")
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        RequireOnePerCategory(categories, values, "A bar chart");
        var text = values.Select(v => double.IsFinite(v) ? v.ToString(valueFormat, CultureInfo.InvariantCulture) : "").ToArray();
        return CSharpChart.Column<double, string, string>(values: values.ToArray(), Keys: categories.ToArray(), MultiText: text)
            .WithTitleText(title)
            .WithAxis("y", ("title", ChartStyle.Text(valueTitle)))
            .WithAxis("x", ("tickangle", TickAngle(categories.Count)));
    }

    /// <summary>Grouped bars: one group per category (e.g. class), one bar per series (e.g. run or ablation row).</summary>
    /// <exception cref="ArgumentException">A series has not one value per category.</exception>
    public static GenericChart GroupedBar(IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string? title = null, string? valueTitle = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        foreach (var (name, values) in series)
        {
            RequireOnePerCategory(categories, values, $"Series '{name}'");
        }
        var keys = categories.ToArray();
        return CSharpChart.Combine(series.Select(s => CSharpChart.Column<double, string, string>(values: s.Values.ToArray(), Keys: keys, Name: s.Name)).ToArray())
            .WithTitleText(title)
            .WithLayoutValue("barmode", "group")
            .WithLayoutValue("legend", ChartStyle.HorizontalLegend())
            .WithAxis("y", ("title", ChartStyle.Text(valueTitle)))
            .WithAxis("x", ("tickangle", TickAngle(categories.Count)));
    }

    /// <summary>Line plots, one trace per series of (x, y) points (NaN: a gap): loss curves, mIoU against input frames.</summary>
    public static GenericChart Line(IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series, string? title = null, string? xTitle = null, string? yTitle = null, bool markers = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        return CSharpChart.Combine(series.Select(s => CSharpChart.Line<double, double, string>(
                    x: s.Points.Select(p => p.X).ToArray(), y: s.Points.Select(p => p.Y).ToArray(), Name: s.Name, ShowMarkers: markers)).ToArray())
            .WithTitleText(title)
            .WithAxis("x", ("title", ChartStyle.Text(xTitle)))
            .WithAxis("y", ("title", ChartStyle.Text(yTitle)));
    }

    /// <summary>Labelled points (accuracy against FPS, the paper's Fig. 2): a marker per point with its label above it,
    /// and symmetric error bars on y when <paramref name="yErrors"/> is given (one per point).</summary>
    /// <exception cref="ArgumentException">Not one error per point.</exception>
    public static GenericChart Scatter(IReadOnlyList<(string Label, double X, double Y)> points, string? title = null, string? xTitle = null, string? yTitle = null,
        IReadOnlyList<double>? yErrors = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        return CSharpChart.Point<double, double, string>(x: points.Select(p => p.X).ToArray(), y: points.Select(p => p.Y).ToArray(),
                MultiText: points.Select(p => p.Label).ToArray(), TextPosition: StyleParam.TextPosition.TopCenter)
            .WithTraceValues(0, ("marker", new Dictionary<string, object> { ["size"] = 10 }), ("error_y", ChartStyle.ErrorBars(yErrors, points.Count)))
            .WithTitleText(title)
            .WithLayoutValue("showlegend", false)
            .WithAxis("x", ("title", ChartStyle.Text(xTitle)))
            .WithAxis("y", ("title", ChartStyle.Text(yTitle)));
    }

    /// <summary>A heatmap of a matrix (row i at the top, as it reads), labelled rows and columns, values printed in the
    /// cells; <paramref name="colorScale"/> is a plotly colour scale name (Viridis, Blues, Greys, …).</summary>
    /// <exception cref="ArgumentException">The labels do not match the matrix's size.</exception>
    public static GenericChart Heatmap(double[,] matrix, IReadOnlyList<string> xLabels, IReadOnlyList<string> yLabels, string? title = null,
        string colorScale = "Viridis", double? zMin = null, double? zMax = null, string? colorBarTitle = null, string valueFormat = "F2")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(yLabels);
        var (rowCount, columnCount) = (matrix.GetLength(0), matrix.GetLength(1));
        if (xLabels.Count != columnCount)
        {
            throw new ArgumentException($"A heatmap with {columnCount} columns needs {columnCount} x labels, got {xLabels.Count}.", nameof(xLabels));
        }
        if (yLabels.Count != rowCount)
        {
            throw new ArgumentException($"A heatmap with {rowCount} rows needs {rowCount} y labels, got {yLabels.Count}.", nameof(yLabels));
        }
        var rows = Enumerable.Range(0, rowCount).Select(i => Enumerable.Range(0, columnCount).Select(j => matrix[i, j]).ToArray()).ToArray();
        var text = rows.Select(r => r.Select(v => double.IsFinite(v) ? v.ToString(valueFormat, CultureInfo.InvariantCulture) : "").ToArray()).ToArray();
        return CSharpChart.Heatmap<double, string, string, string>(zData: rows, X: xLabels.ToArray(), Y: yLabels.ToArray(), ReverseYAxis: true)
            .WithTraceValues(0, ("colorscale", colorScale), ("zmin", zMin), ("zmax", zMax),
                ("colorbar", colorBarTitle is null ? null : new Dictionary<string, object> { ["title"] = ChartStyle.Text(colorBarTitle)! }),
                ("text", text), ("texttemplate", "%{text}"))
            .WithTitleText(title)
            .WithAxis("x", ("tickangle", TickAngle(xLabels.Count)));
    }

    /// <summary>
    /// A confusion matrix as a heatmap: rows = ground truth (top to bottom in class order), columns = prediction. With
    /// <paramref name="normalizeRows"/> each row is divided by its sum (the class's recall on the diagonal; a row of a class
    /// absent from the ground truth stays 0) and the colour scale spans [0, 1]; otherwise raw pixel counts.
    /// </summary>
    /// <exception cref="ArgumentException">The class names do not match the matrix.</exception>
    public static GenericChart ConfusionMatrix(ConfusionMatrix confusion, IReadOnlyList<string>? classNames = null, bool normalizeRows = true, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var names = classNames ?? Enumerable.Range(0, confusion.Classes).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (names.Count != confusion.Classes)
        {
            throw new ArgumentException($"{names.Count} class names given for a {confusion.Classes}-class confusion matrix.", nameof(classNames));
        }
        var matrix = ConfusionValues(confusion, normalizeRows);
        return Heatmap(matrix, names, names, title ?? (normalizeRows ? "Confusion matrix (rows normalised)" : "Confusion matrix (pixels)"),
                colorScale: "Blues", zMin: normalizeRows ? 0 : null, zMax: normalizeRows ? 1 : null,
                colorBarTitle: normalizeRows ? "fraction of row" : "pixels", valueFormat: normalizeRows ? "F2" : "G4")
            .WithAxis("x", ("title", ChartStyle.Text("prediction")))
            .WithAxis("y", ("title", ChartStyle.Text("ground truth")));
    }

    /// <summary>Per-class IoU of one evaluation as bars (percent).</summary>
    public static GenericChart PerClassIoU(SegmentationMetrics metrics, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return Bar(metrics.ClassNames, metrics.PerClassIoU.Select(v => v * 100).ToArray(),
            title ?? $"Per-class IoU (mIoU {(metrics.MeanIoU * 100).ToString("F1", CultureInfo.InvariantCulture)}%)", "IoU (%)", "F1");
    }

    /// <summary>Per-class IoU of several runs or variants side by side (percent).</summary>
    /// <exception cref="ArgumentException">No runs.</exception>
    public static GenericChart PerClassIoU(IReadOnlyList<(string Name, SegmentationMetrics Metrics)> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("PerClassIoU needs at least one run.", nameof(runs));
        }
        return GroupedBar(runs[0].Metrics.ClassNames, runs.Select(r => (r.Name, (IReadOnlyList<double>)r.Metrics.PerClassIoU.Select(v => v * 100).ToArray())).ToArray(),
            title ?? "Per-class IoU", "IoU (%)");
    }

    /// <summary>
    /// A training run's curves: the total loss per step (left axis) and, when there is any, the validation mIoU at the
    /// steps where it was measured (markers on a right axis, over the same plot) — what a notebook's training view draws.
    /// </summary>
    /// <param name="title">What is trained, e.g. "teacher".</param>
    /// <param name="losses">(step, total loss) pairs.</param>
    /// <param name="validation">(step, mIoU) pairs; empty for a run that does not validate.</param>
    public static GenericChart TrainingCurves(string title, IReadOnlyList<(double Step, double Loss)> losses, IReadOnlyList<(double Step, double MIoU)> validation)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(validation);
        var loss = CSharpChart.Line<double, double, string>(x: losses.Select(p => p.Step).ToArray(), y: losses.Select(p => p.Loss).ToArray(), Name: "total loss");
        if (validation.Count == 0)
        {
            return loss.WithTitleText($"{title}: training loss")
                .WithAxis("x", ("title", ChartStyle.Text("step")))
                .WithAxis("y", ("title", ChartStyle.Text("loss")));
        }
        var mIoU = CSharpChart.Line<double, double, string>(x: validation.Select(p => p.Step).ToArray(), y: validation.Select(p => p.MIoU).ToArray(),
                Name: "validation mIoU", ShowMarkers: true)
            .WithTraceValues(0, ("yaxis", "y2"));
        return CSharpChart.Combine([loss, mIoU])
            .WithTitleText($"{title}: training loss and validation mIoU")
            .WithLayoutValue("legend", ChartStyle.HorizontalLegend())
            .WithAxis("x", ("title", ChartStyle.Text("step")))
            .WithAxis("y", ("title", ChartStyle.Text("loss")))
            .WithAxis("y2", ("title", ChartStyle.Text("mIoU")), ("overlaying", "y"), ("side", "right"));
    }

    private static void RequireOnePerCategory(IReadOnlyList<string> categories, IReadOnlyList<double> values, string what)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != categories.Count)
        {
            throw new ArgumentException($"{what} needs one value per category: {categories.Count} categories, {values.Count} values.", nameof(values));
        }
    }

    // Long class lists get slanted labels; a few short ones stay level.
    private static double? TickAngle(int categories) => categories > 6 ? -45 : null;

    /// <summary>The matrix's values as doubles, rows divided by their sums when asked.</summary>
    internal static double[,] ConfusionValues(ConfusionMatrix confusion, bool normalizeRows)
    {
        var counts = confusion.Counts;
        var c = confusion.Classes;
        var values = new double[c, c];
        for (var g = 0; g < c; g++)
        {
            long sum = 0;
            for (var p = 0; p < c; p++)
            {
                sum += counts[g, p];
            }
            for (var p = 0; p < c; p++)
            {
                values[g, p] = !normalizeRows ? counts[g, p] : sum == 0 ? 0 : (double)counts[g, p] / sum;
            }
        }
        return values;
    }
}
