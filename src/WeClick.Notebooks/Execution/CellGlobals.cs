using WeClick.Notebooks.Display;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// What every cell can call without qualification — the .NET Interactive helpers notebook authors know:
/// <c>display(x)</c>, <c>HTML("…")</c>, <c>Markdown("…")</c>, and the running cell's <see cref="Cancellation"/> token.
/// One instance per executor; Roslyn scripting exposes its public members to the cells as globals.
/// </summary>
public sealed class CellGlobals
{
    internal CellGlobals()
    {
    }

    /// <summary>The running cell's output (set by the executor for each cell).</summary>
    internal CellOutput? Output { get; set; }

    /// <summary>Cancelled when the running cell is interrupted; pass it to long library calls (training loops) so they
    /// stop promptly.</summary>
    public CancellationToken Cancellation => CellInterrupt.Current;

    /// <summary>Shows <paramref name="value"/> now (Jupyter <c>display_data</c>), as all its representations or only
    /// <paramref name="mimeTypes"/> (plus <c>text/plain</c>); the result can <see cref="DisplayedValue.Update"/> it later.</summary>
    /// <exception cref="InvalidOperationException">Called outside a running cell.</exception>
    /// <exception cref="ArgumentException">The value cannot be shown as any of <paramref name="mimeTypes"/>.</exception>
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var output = ConsoleCapture.Current ?? Output
            ?? throw new InvalidOperationException("display() was called outside a running cell.");
        return NotebookDisplay.Show(output, value, mimeTypes);
    }

    /// <summary>Markup to show as <c>text/html</c> (display it or make it a cell's last expression).</summary>
    public HtmlString HTML(string html) => new(html);

    /// <summary>Markdown to show rendered as <c>text/markdown</c>.</summary>
    public MarkdownString Markdown(string markdown) => new(markdown);
}
