using WeClick.Reports;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// Where a running cell's outputs go. The Jupyter kernel forwards them to its iopub socket as they happen; the headless
/// runner collects them into the output notebook. Calls come from the thread running the cell (and from any thread the
/// cell's code starts), so implementations must be thread-safe.
/// </summary>
public interface IOutputSink
{
    /// <summary>Text written to <c>Console.Out</c> (<paramref name="name"/> = "stdout") or <c>Console.Error</c> ("stderr").</summary>
    void Stream(string name, string text);

    /// <summary>
    /// A displayed value (Jupyter <c>display_data</c>). <paramref name="displayId"/>, when not null, names the output so
    /// that <see cref="UpdateDisplay"/> can replace it later (live training curves, progress).
    /// </summary>
    void Display(MimeBundle bundle, string? displayId);

    /// <summary>Replaces the output shown earlier with the same <paramref name="displayId"/> (Jupyter <c>update_display_data</c>).</summary>
    void UpdateDisplay(MimeBundle bundle, string displayId);
}
