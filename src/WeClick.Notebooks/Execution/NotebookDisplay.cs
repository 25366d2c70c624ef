using WeClick.Notebooks.Display;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// <c>display(…)</c> for library code: shows a value in the output of the cell that is running on this thread (or on a
/// task it started), exactly as a cell's own <c>display</c> call does. Views that redraw themselves — such as
/// <see cref="TrainingView"/> — use it so that a notebook cell needs one line, not a hand-written observer.
/// </summary>
public static class NotebookDisplay
{
    /// <summary>True when code runs inside a notebook cell (so <see cref="Show(object?, string[])"/> has somewhere to show).</summary>
    public static bool InCell => ConsoleCapture.Current is not null;

    /// <summary>Shows <paramref name="value"/> now; the handle replaces it in place later.</summary>
    /// <exception cref="InvalidOperationException">Not inside a running cell.</exception>
    public static DisplayedValue Show(object? value, params string[] mimeTypes)
    {
        var output = ConsoleCapture.Current
            ?? throw new InvalidOperationException("NotebookDisplay.Show was called outside a running notebook cell.");
        return Show(output, value, mimeTypes);
    }

    internal static DisplayedValue Show(CellOutput output, object? value, string[] mimeTypes)
    {
        var types = mimeTypes.ToArray();
        var displayed = new DisplayedValue(Guid.NewGuid().ToString("N"), output, types);
        output.Display(Formatter.Format(value, types), displayed.DisplayId);
        return displayed;
    }
}
