using System.Globalization;
using WeClick.Evaluation;

namespace WeClick.Reports;

/// <summary>The workbench's common figures: bars, grouped bars, lines, labelled scatter plots, heatmaps, confusion matrices.</summary>
public static class Charts
{
    /// <summary>A bar chart of one series (values printed on the bars with <paramref name="valueFormat"/>).</summary>
    public static Figure Bar(IReadOnlyList<string> categories, IReadOnlyList<double> values, string? title = null, string? valueTitle = null, string valueFormat = "F3")
    {
        var text = values.Select(v => double.IsFinite(v) ? v.ToString(valueFormat, CultureInfo.InvariantCulture) : "").ToArray();
        var figure = new Figure(new BarTrace(categories, values) { Text = text }) { Layout = { Title = title } };
        figure.Layout.YAxis.Title = valueTitle;
        figure.Layout.XAxis.TickAngle = categories.Count > 6 ? -45 : null;
        return figure;
    }

    /// <summary>Grouped bars: one group per category (e.g. class), one bar per series (e.g. run or ablation row).</summary>
    /// <exception cref="ArgumentException">A series has not one value per category.</exception>
    public static Figure GroupedBar(IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string? title = null, string? valueTitle = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var (name, values) in series)
        {
            if (values.Count != categories.Count)
            {
                throw new ArgumentException($"Series '{name}' has {values.Count} values for {categories.Count} categories.", nameof(series));
            }
        }
        var figure = new Figure(series.Select(s => (Trace)new BarTrace(categories, s.Values) { Name = s.Name }))
        {
            Layout = { Title = title, BarMode = BarMode.Group, HorizontalLegend = true },
        };
        figure.Layout.YAxis.Title = valueTitle;
        figure.Layout.XAxis.TickAngle = categories.Count > 6 ? -45 : null;
        return figure;
    }

    /// <summary>Line plots, one trace per series of (x, y) points: loss curves, mIoU against input frames.</summary>
    public static Figure Line(IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series, string? title = null, string? xTitle = null, string? yTitle = null, bool markers = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        var figure = new Figure(series.Select(s => (Trace)new ScatterTrace(s.Points.Select(p => p.X).ToArray(), s.Points.Select(p => p.Y).ToArray())
        {
            Name = s.Name,
            Mode = markers ? ScatterMode.LinesAndMarkers : ScatterMode.Lines,
        }))
        {
            Layout = { Title = title },
        };
        return figure.WithAxisTitles(xTitle, yTitle);
    }

    /// <summary>Labelled points (accuracy against FPS, the paper's Fig. 2): a marker per point with its label beside it.</summary>
    public static Figure Scatter(IReadOnlyList<(string Label, double X, double Y)> points, string? title = null, string? xTitle = null, string? yTitle = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var trace = new ScatterTrace(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray())
        {
            Mode = ScatterMode.MarkersAndText,
            Text = points.Select(p => p.Label).ToArray(),
            MarkerSize = 10,
        };
        return new Figure(trace) { Layout = { Title = title, ShowLegend = false } }.WithAxisTitles(xTitle, yTitle);
    }

    /// <summary>A heatmap of a matrix (row i at the top, as it reads), labelled rows and columns, values printed in the cells.</summary>
    /// <exception cref="ArgumentException">The labels do not match the matrix's size.</exception>
    public static Figure Heatmap(double[,] matrix, IReadOnlyList<string> xLabels, IReadOnlyList<string> yLabels, string? title = null,
        string colorScale = "Viridis", double? zMin = null, double? zMax = null, string? colorBarTitle = null, string valueFormat = "F2")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rows = Enumerable.Range(0, matrix.GetLength(0)).Select(i => (IReadOnlyList<double>)Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j]).ToArray()).ToArray();
        var text = rows.Select(r => (IReadOnlyList<string>)r.Select(v => double.IsFinite(v) ? v.ToString(valueFormat, CultureInfo.InvariantCulture) : "").ToArray()).ToArray();
        var trace = new HeatmapTrace(rows) { X = xLabels, Y = yLabels, ColorScale = colorScale, ZMin = zMin, ZMax = zMax, ColorBarTitle = colorBarTitle, Text = text };
        var figure = new Figure(trace) { Layout = { Title = title } };
        figure.Layout.YAxis.Reversed = true;
        figure.Layout.XAxis.TickAngle = xLabels.Count > 6 ? -45 : null;
        _ = figure.ToJson(); // validates the labels now, not at display time
        return figure;
    }

    /// <summary>
    /// A confusion matrix as a heatmap: rows = ground truth (top to bottom in class order), columns = prediction. With
    /// <paramref name="normalizeRows"/> each row is divided by its sum (the class's recall on the diagonal; a row of a class
    /// absent from the ground truth stays 0) and the colour scale spans [0, 1]; otherwise raw pixel counts.
    /// </summary>
    /// <exception cref="ArgumentException">The class names do not match the matrix.</exception>
    public static Figure ConfusionMatrix(ConfusionMatrix confusion, IReadOnlyList<string>? classNames = null, bool normalizeRows = true, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var names = classNames ?? Enumerable.Range(0, confusion.Classes).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (names.Count != confusion.Classes)
        {
            throw new ArgumentException($"{names.Count} class names given for a {confusion.Classes}-class confusion matrix.", nameof(classNames));
        }
        var matrix = ConfusionValues(confusion, normalizeRows);
        var figure = Heatmap(matrix, names, names, title ?? (normalizeRows ? "Confusion matrix (rows normalised)" : "Confusion matrix (pixels)"),
            colorScale: "Blues", zMin: normalizeRows ? 0 : null, zMax: normalizeRows ? 1 : null,
            colorBarTitle: normalizeRows ? "fraction of row" : "pixels", valueFormat: normalizeRows ? "F2" : "G4");
        return figure.WithAxisTitles("prediction", "ground truth");
    }

    /// <summary>Per-class IoU of one evaluation as bars (percent).</summary>
    public static Figure PerClassIoU(SegmentationMetrics metrics, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return Bar(metrics.ClassNames, metrics.PerClassIoU.Select(v => v * 100).ToArray(),
            title ?? $"Per-class IoU (mIoU {(metrics.MeanIoU * 100).ToString("F1", CultureInfo.InvariantCulture)}%)", "IoU (%)", "F1");
    }

    /// <summary>Per-class IoU of several runs or variants side by side (percent).</summary>
    public static Figure PerClassIoU(IReadOnlyList<(string Name, SegmentationMetrics Metrics)> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("PerClassIoU needs at least one run.", nameof(runs));
        }
        return GroupedBar(runs[0].Metrics.ClassNames, runs.Select(r => (r.Name, (IReadOnlyList<double>)r.Metrics.PerClassIoU.Select(v => v * 100).ToArray())).ToArray(),
            title ?? "Per-class IoU", "IoU (%)");
    }

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
