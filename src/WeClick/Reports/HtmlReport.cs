using System.Globalization;
using System.Net;
using System.Text;
using Plotly.NET;
using TorchSharp;
using WeClick.Serialization;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Reports;

/// <summary>
/// A self-contained report folder: <c>index.html</c> (tables, grouped bar charts drawn as inline SVG, Plotly figures,
/// images) with its pictures under <c>images/</c>, and <c>report.md</c>, the same content as Markdown for terminals and
/// diffs. No network: a report with figures gets a copy of <c>plotly.min.js</c> beside index.html, referenced relatively,
/// so the folder opens offline in any browser (and can be moved or zipped whole). Built section by section, written
/// once by <see cref="Write"/>.
/// </summary>
public sealed class HtmlReport
{
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _markdown = new();
    private readonly List<(string Name, Tensor Image)> _images = [];
    private bool _hasFigures;

    /// <summary>Starts a report with a title.</summary>
    public HtmlReport(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
        _markdown.Append("# ").AppendLine(title).AppendLine();
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>Adds a section heading.</summary>
    public HtmlReport Heading(string text)
    {
        _html.Append("<h2>").Append(Encode(text)).AppendLine("</h2>");
        _markdown.Append("## ").AppendLine(text).AppendLine();
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    public HtmlReport Paragraph(string text)
    {
        _html.Append("<p>").Append(Encode(text)).AppendLine("</p>");
        _markdown.AppendLine(text).AppendLine();
        return this;
    }

    /// <summary>Adds a table; the first column is left-aligned, the others right-aligned.</summary>
    public HtmlReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToList();
        _html.AppendLine("<table><thead><tr>");
        foreach (var h in headers)
        {
            _html.Append("<th>").Append(Encode(h)).Append("</th>");
        }
        _html.AppendLine("</tr></thead><tbody>");
        foreach (var row in all)
        {
            _html.Append("<tr>");
            foreach (var cell in row)
            {
                _html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }
            _html.AppendLine("</tr>");
        }
        _html.AppendLine("</tbody></table>");
        _markdown.Append("| ").Append(string.Join(" | ", headers.Select(EscapeMarkdown))).AppendLine(" |");
        _markdown.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", headers.Count - 1))).AppendLine();
        foreach (var row in all)
        {
            _markdown.Append("| ").Append(string.Join(" | ", row.Select(EscapeMarkdown))).AppendLine(" |");
        }
        _markdown.AppendLine();
        return this;
    }

    /// <summary>
    /// Adds a grouped bar chart (inline SVG): one group per category (e.g. class), one bar per series (e.g. variant),
    /// values in [0, <paramref name="maximum"/>]; NaN values draw no bar. The Markdown twin gets the numbers as a table.
    /// With <paramref name="interactive"/> the page draws it as a Plotly figure (hover, zoom) and keeps the SVG as the
    /// <c>&lt;noscript&gt;</c> fallback.
    /// </summary>
    public HtmlReport BarChart(string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, double maximum = 1.0, string valueFormat = "F3", bool interactive = false)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        string[] colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"];
        const int plotHeight = 220, top = 30, left = 50, bottom = 90, barWidth = 12, gap = 10;
        var groupWidth = series.Count * barWidth + gap;
        var width = left + categories.Count * groupWidth + 20;
        var c = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{top + plotHeight + bottom}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(c, $"<text x=\"{left}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{Encode(title)}</text>");
        for (var t = 0; t <= 4; t++)
        {
            var y = top + plotHeight - t * plotHeight / 4.0;
            svg.Append(c, $"<line x1=\"{left}\" x2=\"{width - 10}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>");
            svg.Append(c, $"<text x=\"{left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{(maximum * t / 4).ToString("G3", c)}</text>");
        }
        for (var i = 0; i < categories.Count; i++)
        {
            var x0 = left + i * groupWidth + gap / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i];
                if (double.IsNaN(value))
                {
                    continue;
                }
                var h = Math.Clamp(value / maximum, 0, 1) * plotHeight;
                svg.Append(c, $"<rect class=\"bar\" x=\"{x0 + s * barWidth}\" y=\"{top + plotHeight - h:F1}\" width=\"{barWidth - 1}\" height=\"{h:F1}\" fill=\"{colors[s % colors.Length]}\"><title>{Encode($"{series[s].Name} · {categories[i]}: {value.ToString(valueFormat, c)}")}</title></rect>");
            }
            var cx = x0 + series.Count * barWidth / 2.0;
            svg.Append(c, $"<text x=\"{cx:F1}\" y=\"{top + plotHeight + 12}\" text-anchor=\"end\" transform=\"rotate(-45 {cx:F1} {top + plotHeight + 12})\">{Encode(categories[i])}</text>");
        }
        for (var s = 0; s < series.Count; s++)
        {
            var lx = left + s * 150;
            var ly = top + plotHeight + bottom - 12;
            svg.Append(c, $"<rect x=\"{lx}\" y=\"{ly - 9}\" width=\"10\" height=\"10\" fill=\"{colors[s % colors.Length]}\"/><text x=\"{lx + 14}\" y=\"{ly}\">{Encode(series[s].Name)}</text>");
        }
        svg.Append("</svg>");
        if (interactive)
        {
            AppendFigure(Charts.GroupedBar(categories, series, title).WithAxis("y", ("range", new[] { 0, maximum })));
            _html.Append("<noscript><figure>").Append(svg).AppendLine("</figure></noscript>");
        }
        else
        {
            _html.Append("<figure>").Append(svg).AppendLine("</figure>");
        }
        _markdown.Append("**").Append(title).AppendLine("**").AppendLine();
        return Table(["", .. series.Select(s => s.Name)],
            categories.Select((name, i) => (IReadOnlyList<string>)[name, .. series.Select(s => double.IsNaN(s.Values[i]) ? "–" : s.Values[i].ToString(valueFormat, c))]));
    }

    /// <summary>Adds a table (<see cref="Reports.Table"/>): its HTML form, and its Markdown form in report.md.</summary>
    public HtmlReport Table(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _html.AppendLine(table.ToHtml());
        _markdown.AppendLine(table.ToMarkdown());
        return this;
    }

    /// <summary>
    /// Adds a Plotly.NET chart (<see cref="Charts"/>, <see cref="ImagePanels"/>, or one built with Plotly.NET), drawn by the
    /// plotly.js copy <see cref="Write"/> puts in the folder. report.md gets its description (figures need a browser) —
    /// put the numbers in a table too where the Markdown should carry them.
    /// </summary>
    public HtmlReport Figure(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        AppendFigure(chart);
        _markdown.Append('*').Append(EscapeMarkdown(chart.Describe())).AppendLine(" (interactive in index.html)*").AppendLine();
        return this;
    }

    /// <summary>Adds an image (uint8 [H, W, 3] RGB), saved as <c>images/NAME.png</c>, with a caption. The report copies the tensor.</summary>
    public HtmlReport Image(string name, Tensor image, string caption)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (name.Any(ch => !(char.IsLetterOrDigit(ch) || ch is '-' or '_')) || _images.Any(i => i.Name == name))
        {
            throw new ArgumentException($"Image name '{name}' must be unique and use letters, digits, '-' and '_' only.", nameof(name));
        }
        _images.Add((name, image.clone().DetachFromDisposeScope()));
        _html.Append("<figure><img src=\"images/").Append(name).Append(".png\" alt=\"").Append(Encode(caption)).Append("\"><figcaption>")
            .Append(Encode(caption)).AppendLine("</figcaption></figure>");
        _markdown.Append("![").Append(caption).Append("](images/").Append(name).AppendLine(".png)").AppendLine();
        return this;
    }

    /// <summary>Writes <c>index.html</c>, <c>report.md</c> and the images into <paramref name="folder"/> (each file atomically).</summary>
    /// <returns>The path of index.html.</returns>
    /// <exception cref="FileNotFoundException">The report has figures and plotly.js is not installed (see <see cref="PlotlyJs.Locate"/>).</exception>
    public string Write(string folder)
    {
        // Find plotly.js before writing anything, so a missing install leaves no half-written report.
        var plotly = _hasFigures ? PlotlyJs.Locate() : null;
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        if (plotly is not null)
        {
            AtomicFile.Write(Path.Combine(folder, PlotlyJs.FileName), target =>
            {
                using var source = File.OpenRead(plotly);
                source.CopyTo(target);
            });
        }
        foreach (var (name, image) in _images)
        {
            WeClick.Vision.Image.Write(Path.Combine(folder, "images", name + ".png"), image);
        }
        var page = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{Encode(Title)}}</title>
            <style>
            body { font-family: sans-serif; margin: 2em auto; max-width: 72em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.8em; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            figure { margin: 1em 0; } img { max-width: 100%; image-rendering: pixelated; }
            figcaption { color: #555; font-size: 0.9em; }
            </style></head><body>
            <h1>{{Encode(Title)}}</h1>
            {{_html}}
            </body></html>
            """;
        var index = Path.Combine(folder, "index.html");
        AtomicFile.Write(index, s => s.Write(Encoding.UTF8.GetBytes(page)));
        AtomicFile.Write(Path.Combine(folder, "report.md"), s => s.Write(Encoding.UTF8.GetBytes(_markdown.ToString())));
        return index;
    }

    private void AppendFigure(GenericChart chart)
    {
        _hasFigures = true;
        _html.Append("<figure class=\"plotly\">").Append(chart.ToHtml(PlotlyJs.Relative(PlotlyJs.FileName))).AppendLine("</figure>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string EscapeMarkdown(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
