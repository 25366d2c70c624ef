using Plotly.NET;
using TorchSharp;
using WeClick.Clicks;
using WeClick.Data;
using WeClick.Vision;
using static TorchSharp.torch;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace WeClick.Reports;

/// <summary>
/// Rows of pictures for looking at data and results: frame, clicks over the frame, prediction and ground truth (class
/// colours of <see cref="SegmentationPalette"/>, void black), optical flow (<see cref="FlowColors"/>) and scalar maps
/// (consistency matrix, confidence) — each a <see cref="ImagePanel"/>, laid out as one Plotly.NET chart by <see cref="Figure(IReadOnlyList{ImagePanel}, int, string?)"/>.
/// </summary>
public static class ImagePanels
{
    // Anchors of matplotlib's viridis at 0, 1/8, …, 1; interpolated linearly between them.
    private static readonly byte[,] ViridisAnchors =
    {
        { 68, 1, 84 }, { 71, 44, 122 }, { 59, 81, 139 }, { 44, 113, 142 }, { 33, 144, 141 }, { 39, 173, 129 }, { 92, 200, 99 }, { 170, 220, 50 }, { 253, 231, 37 },
    };

    /// <summary>A video frame, uint8 [H, W, 3] RGB.</summary>
    public static ImagePanel Frame(Tensor frame, string title = "frame") => ImagePanel.FromImage(title, frame);

    /// <summary>Clicks drawn over the frame as dots of their class's colour with a white rim.</summary>
    /// <param name="frame">uint8 [H, W, 3] RGB (not modified).</param>
    /// <param name="clicks">The clicks (x, y in pixels of the frame, class id).</param>
    /// <param name="classes">The class set (colours).</param>
    /// <param name="title">The caption.</param>
    /// <param name="radius">The dot radius in pixels.</param>
    public static ImagePanel Clicks(Tensor frame, IEnumerable<Click> clicks, ClassSet classes, string title = "clicks", int radius = 4)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(clicks);
        var colours = SegmentationPalette.For(classes);
        using var canvas = frame.cpu().clone();
        if (canvas.dtype != ScalarType.Byte || canvas.dim() != 3 || canvas.size(2) != 3)
        {
            throw new ArgumentException($"Clicks panel: expected a uint8 [H, W, 3] frame, got {frame.dtype} [{string.Join(", ", frame.shape)}].", nameof(frame));
        }
        foreach (var click in clicks)
        {
            Draw.Ellipse(canvas, click.X, click.Y, radius + 1, radius + 1, 0, [255, 255, 255], antialias: true);
            double[] colour = click.ClassId >= 0 && click.ClassId < classes.Count
                ? [colours[click.ClassId, 0], colours[click.ClassId, 1], colours[click.ClassId, 2]]
                : [0, 0, 0];
            Draw.Ellipse(canvas, click.X, click.Y, radius, radius, 0, colour, antialias: true);
        }
        return ImagePanel.FromImage(title, canvas);
    }

    /// <summary>A class map (prediction or ground truth, integer [H, W]) in class colours; void (255) and other values outside the classes black.</summary>
    public static ImagePanel Labels(Tensor labels, ClassSet classes, string title)
    {
        using var colours = SegmentationPalette.Colorize(labels.cpu(), classes);
        return ImagePanel.FromImage(title, colours);
    }

    /// <summary>An optical flow field, float [2, H, W], on the Middlebury colour wheel (white = still).</summary>
    public static ImagePanel Flow(Tensor flow, string title = "flow", double? maxMagnitude = null)
    {
        using var colours = FlowColors.Colorize(flow, maxMagnitude);
        return ImagePanel.FromImage(title, colours);
    }

    /// <summary>
    /// A scalar map, float [H, W] (a consistency matrix, a confidence or error map), scaled from <paramref name="min"/>
    /// (default: the map's minimum) to <paramref name="max"/> (default: its maximum) and coloured; NaN pixels are black.
    /// </summary>
    /// <exception cref="ArgumentException">The map is not [H, W].</exception>
    public static ImagePanel Map(Tensor map, string title, ColorMap colorMap = ColorMap.Grey, double? min = null, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.dim() != 2)
        {
            throw new ArgumentException($"Map panel '{title}': expected a [H, W] map, got [{string.Join(", ", map.shape)}].", nameof(map));
        }
        var values = HostArrays.ToArray<float>(map);
        var finite = values.Where(float.IsFinite).DefaultIfEmpty(0f).ToArray();
        var low = min ?? finite.Min();
        var high = max ?? finite.Max();
        var span = high > low ? high - low : 1.0;
        var rgb = new byte[values.Length * 3];
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                continue;
            }
            var t = Math.Clamp((values[i] - low) / span, 0, 1);
            var (r, g, b) = colorMap == ColorMap.Viridis ? Viridis(t) : ((byte)Math.Round(255 * t), (byte)Math.Round(255 * t), (byte)Math.Round(255 * t));
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = (r, g, b);
        }
        using var image = tensor(rgb, [map.size(0), map.size(1), 3]);
        return ImagePanel.FromImage(title, image);
    }

    /// <summary>
    /// The panels as one chart: a grid (<c>Chart.Grid</c>) of <paramref name="columns"/> per row (0: all in one row), each
    /// picture an image trace in its own subplot (axes x1…xN, y1…yN, ticks hidden) with its title under it. The pictures
    /// travel as PNG data URIs (<c>source</c>), not pixel arrays, so a 512×1024 frame is kilobytes of JSON, not megabytes.
    /// </summary>
    /// <exception cref="ArgumentException">No panels, or a negative column count.</exception>
    public static GenericChart Figure(IReadOnlyList<ImagePanel> panels, int columns = 0, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
        {
            throw new ArgumentException("An image panel figure needs at least one panel.", nameof(panels));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        columns = columns == 0 ? panels.Count : Math.Min(columns, panels.Count);
        var rows = (panels.Count + columns - 1) / columns;
        var images = panels.Select(p => CSharpChart.Image<int>(Source: "data:image/png;base64," + Convert.ToBase64String(p.Png), Name: p.Title)
            // Hovering would show the pixel values under the pointer; the caption says what the picture is.
            .WithTraceValues(0, ("hoverinfo", "skip"))).ToArray();
        var chart = CSharpChart.Grid(images, rows, columns).WithTitleText(title).WithLayoutValue("showlegend", false);
        for (var k = 0; k < panels.Count; k++)
        {
            var suffix = k == 0 ? "" : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            chart = chart
                .WithAxis("x" + suffix, ("title", ChartStyle.Text(panels[k].Title)), ("showticklabels", false), ("showgrid", false), ("zeroline", false), ("ticks", ""))
                .WithAxis("y" + suffix, ("showticklabels", false), ("showgrid", false), ("zeroline", false), ("ticks", ""));
        }
        // Each panel about 300 px wide at the pictures' aspect ratio (small frames are scaled up, so a 96×48 frame is
        // still readable), 40 px under each row for its caption, and thin margins: plotly's default margins (80–100 px)
        // would leave a row of wide, low pictures only a sliver of the figure.
        var aspect = panels.Max(p => (double)p.Height / Math.Max(1, p.Width));
        var top = title is null ? 10 : 50;
        return chart
            .WithLayoutValue("margin", new Dictionary<string, object> { ["l"] = 10, ["r"] = 10, ["t"] = top, ["b"] = 10 })
            .WithLayoutValue("width", columns * 310 + 20)
            .WithLayoutValue("height", (int)Math.Round(rows * (300 * aspect + 45) + top + 10));
    }

    private static (byte, byte, byte) Viridis(double t)
    {
        var position = t * (ViridisAnchors.GetLength(0) - 1);
        var k = Math.Min((int)position, ViridisAnchors.GetLength(0) - 2);
        var f = position - k;
        byte Mix(int channel) => (byte)Math.Round((1 - f) * ViridisAnchors[k, channel] + f * ViridisAnchors[k + 1, channel]);
        return (Mix(0), Mix(1), Mix(2));
    }
}
