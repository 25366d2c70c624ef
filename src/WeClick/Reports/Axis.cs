using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>One axis of a figure's layout (<c>layout.xaxis</c>, <c>layout.yaxis2</c>, …); unset members keep plotly's defaults.</summary>
public sealed class Axis
{
    /// <summary>The axis title, written as <c>{"text": …}</c> (plotly.js 3+ rejects plain strings).</summary>
    public string? Title { get; set; }

    /// <summary>Draws the axis top-down / right-to-left (<c>autorange: "reversed"</c>): matrices read from the top row.</summary>
    public bool Reversed { get; set; }

    /// <summary>A fixed range [min, max]; null lets plotly fit the data. Ignored when <see cref="Reversed"/>.</summary>
    public (double Min, double Max)? Range { get; set; }

    /// <summary>Hides the axis line, ticks and labels (image panels); the title still shows.</summary>
    public bool HideTicks { get; set; }

    /// <summary>The angle of the tick labels in degrees (−45 for long class names); null lets plotly choose.</summary>
    public double? TickAngle { get; set; }

    /// <summary>The distance between ticks (1 for whole numbers such as input frames); null lets plotly choose.</summary>
    public double? TickStep { get; set; }

    /// <summary>A d3 format for tick labels (<c>.0%</c>, <c>.2f</c>); null lets plotly choose.</summary>
    public string? TickFormat { get; set; }

    /// <summary>
    /// Draws this axis over another one's plot area, on the right side — a second y scale for a second trace (e.g.
    /// validation mIoU beside the training loss): the id of the overlaid axis, such as <c>"y"</c>; null = its own area.
    /// </summary>
    public string? OverlaysOnRight { get; set; }

    /// <summary>The axis as plotly.js layout JSON.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Title is not null)
        {
            json["title"] = PlotlyJson.Title(Title);
        }
        if (Reversed)
        {
            json["autorange"] = "reversed";
        }
        else if (Range is { } range)
        {
            json["range"] = new JsonArray(range.Min, range.Max);
        }
        if (HideTicks)
        {
            json["showticklabels"] = false;
            json["showgrid"] = false;
            json["zeroline"] = false;
            json["ticks"] = "";
        }
        if (TickAngle is { } angle)
        {
            json["tickangle"] = angle;
        }
        if (TickStep is { } step)
        {
            json["dtick"] = step;
        }
        if (TickFormat is not null)
        {
            json["tickformat"] = TickFormat;
        }
        if (OverlaysOnRight is not null)
        {
            json["overlaying"] = OverlaysOnRight;
            json["side"] = "right";
        }
        return json;
    }
}
