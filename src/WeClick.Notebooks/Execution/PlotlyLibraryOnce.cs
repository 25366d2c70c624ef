using WeClick.Reports;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// Shows plotly.js once per notebook session, as its own output just before the session's first figure
/// (<see cref="PlotlyJs.LibraryBundle"/>). Figures load plotly.js from the local file by default, which works in HTML opened
/// from disk but not in a Jupyter page served over http; with the library on the page, every figure draws there too, and
/// an exported notebook is self-contained. Only in the default <see cref="PlotlyJsMode.LocalFile"/> mode: with
/// <see cref="PlotlyJsMode.Inline"/> each figure carries the library anyway, and a relative URL means the page has its copy.
/// </summary>
internal sealed class PlotlyLibraryOnce
{
    private int _shown;

    /// <summary>Calls <paramref name="show"/> with the library before the first figure of the session.</summary>
    public void Before(MimeBundle bundle, Action<MimeBundle> show)
    {
        if (Volatile.Read(ref _shown) == 0 && bundle.Data.ContainsKey(ChartOutput.PlotlyMimeType)
            && PlotlyJs.Current.Mode == PlotlyJsMode.LocalFile && Interlocked.Exchange(ref _shown, 1) == 0)
        {
            MimeBundle library;
            try
            {
                library = PlotlyJs.LibraryBundle();
            }
            catch (FileNotFoundException)
            {
                return; // the figure's own HTML says plotly.js is missing and how to install it (ChartOutput.NotebookHtml)
            }
            show(library);
        }
    }
}
