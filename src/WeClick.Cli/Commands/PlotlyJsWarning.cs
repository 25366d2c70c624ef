using WeClick.Reports;

namespace WeClick.Cli.Commands;

/// <summary>The warning notebook commands print before any cell runs when plotly.js is not installed (figures then show
/// their Plotly JSON and a note instead of a drawing, <see cref="ChartOutput.NotebookHtml"/>).</summary>
internal static class PlotlyJsWarning
{
    /// <summary>The warning, or null when plotly.js is found (or figures do not need the local file).</summary>
    public static string? Text()
    {
        if (PlotlyJs.Current.Mode == PlotlyJsMode.RelativeUrl)
        {
            return null;
        }
        try
        {
            PlotlyJs.Locate();
            return null;
        }
        catch (FileNotFoundException e)
        {
            return $"figures will show as Plotly JSON with a note, not drawn, in Notebook 6 and exported HTML: {e.Message}";
        }
    }
}
