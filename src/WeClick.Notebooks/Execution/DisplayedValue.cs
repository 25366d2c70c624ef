using WeClick.Notebooks.Display;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// An output shown by <c>display(…)</c>, which the cell can replace in place later — a progress line or a loss curve
/// that updates while training runs instead of printing thousands of lines (Jupyter <c>update_display_data</c>).
/// </summary>
public sealed class DisplayedValue
{
    private readonly CellOutput _origin;
    private readonly IReadOnlyCollection<string> _mimeTypes;

    internal DisplayedValue(string displayId, CellOutput origin, IReadOnlyCollection<string> mimeTypes)
    {
        DisplayId = displayId;
        _origin = origin;
        _mimeTypes = mimeTypes;
    }

    /// <summary>The output's id (Jupyter <c>display_id</c>).</summary>
    public string DisplayId { get; }

    /// <summary>Shows <paramref name="value"/> in place of the current output, with the MIME types the original
    /// <c>display</c> call asked for. Called from a later cell, the update goes through that cell's output.</summary>
    public void Update(object? value)
    {
        var output = ConsoleCapture.Current ?? _origin;
        output.UpdateDisplay(Formatter.Format(value, _mimeTypes), DisplayId);
    }
}
