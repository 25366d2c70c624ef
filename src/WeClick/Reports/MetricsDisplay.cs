using System.Globalization;
using System.Net;
using System.Text;
using WeClick.Evaluation;

namespace WeClick.Reports;

/// <summary>
/// The notebook forms of the evaluation types. <see cref="SegmentationMetrics"/>, <see cref="ConfusionMatrix"/> and
/// <see cref="EvaluationResult"/> sit in Evaluation, below Reports, so they know nothing of notebooks: the notebook engine's
/// formatter (WeClick.Notebooks) sends a displayed one here, and a displayed value renders without any registration.
/// </summary>
public static class MetricsDisplay
{
    /// <summary>Summary (mIoU, mPA, pixel accuracy) and per-class IoU and accuracy: aligned text and two HTML tables.</summary>
    public static MimeBundle Bundle(SegmentationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var summary = Tables.Summary(metrics);
        var perClass = Tables.PerClassIoU(metrics);
        return new MimeBundle($"{Headline(metrics)}\n\n{perClass.ToText()}")
            .With("text/html", $"<div class=\"weclick-metrics\">{summary.ToHtml()}{perClass.ToHtml()}</div>");
    }

    /// <summary>The matrix as text (pixel counts; rows = ground truth) and as a row-normalised heatmap (plotly JSON and HTML).</summary>
    public static MimeBundle Bundle(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var figure = Charts.ConfusionMatrix(confusion);
        var counts = confusion.Counts;
        var table = new Table(["truth \\ prediction", .. Enumerable.Range(0, confusion.Classes).Select(Number)],
            Enumerable.Range(0, confusion.Classes).Select(g => (IReadOnlyList<object?>)[Number(g), .. Enumerable.Range(0, confusion.Classes).Select(p => (object?)counts[g, p])]));
        var text = $"ConfusionMatrix: {confusion.Classes} classes, {confusion.Total.ToString(CultureInfo.InvariantCulture)} pixels (rows = ground truth, columns = prediction)\n{table.ToText()}";
        var json = figure.ToFigureJson();
        return new MimeBundle(text).WithJson(ChartOutput.PlotlyMimeType, json).With("text/html", ChartOutput.NotebookHtml(json));
    }

    /// <summary>The dataset, frames and time, the metrics' tables, and the confusion heatmap (HTML; text without the matrix).</summary>
    public static MimeBundle Bundle(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var header = $"Evaluation of {result.Dataset}: {result.Frames} frames in {result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s";
        var metrics = Bundle(result.Metrics);
        var figure = Charts.ConfusionMatrix(result.Confusion, result.Metrics.ClassNames);
        var html = new StringBuilder("<div class=\"weclick-evaluation\"><p>").Append(WebUtility.HtmlEncode(header)).Append("</p>")
            .Append(metrics.Data["text/html"]!.GetValue<string>()).Append(figure.ToHtml()).Append("</div>");
        return new MimeBundle($"{header}\n{metrics.Text}").With("text/html", html.ToString());
    }

    private static string Headline(SegmentationMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"mIoU {m.MeanIoU * 100:F2}%  mPA {m.MeanPixelAccuracy * 100:F2}%  pixel accuracy {m.PixelAccuracy * 100:F2}%  ({m.Pixels} pixels, {m.ClassNames.Count} classes)");

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}
