using System.Text;
using WeClick.Reports;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// The outputs of one running cell on their way to its <see cref="IOutputSink"/>. Console text is buffered and sent a
/// line at a time (and at the end of the cell); pending text is sent before every display and before text of the
/// other stream, so the notebook shows outputs in the order the cell produced them. Thread-safe: the cell's own
/// threads write here too. After <see cref="Close"/> (the cell ended or was abandoned) displays are dropped and console text goes back to the
/// process's own console (<see cref="ConsoleCapture"/>).
/// </summary>
internal sealed class CellOutput(IOutputSink sink, PlotlyLibraryOnce? plotly = null)
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _pending = new();
    private string _pendingStream = "stdout";
    private bool _closed;

    /// <summary>The cell's <see cref="Console.In"/> (see <see cref="IConsoleInput"/>).</summary>
    public TextReader Input { get; } = new CellConsoleReader(sink as IConsoleInput);

    /// <summary>Console text for <paramref name="stream"/> ("stdout" or "stderr"); false when the cell has ended.</summary>
    public bool Write(string stream, string text)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }
            if (stream != _pendingStream)
            {
                FlushLocked();
                _pendingStream = stream;
            }
            _pending.Append(text);
            var lastNewline = text.LastIndexOf('\n');
            if (lastNewline >= 0)
            {
                var complete = _pending.Length - (text.Length - lastNewline - 1);
                sink.Stream(_pendingStream, _pending.ToString(0, complete));
                _pending.Remove(0, complete);
            }
            return true;
        }
    }

    /// <summary>A displayed value (after any pending console text).</summary>
    public void Display(MimeBundle bundle, string? displayId)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }
            FlushLocked();
            plotly?.Before(bundle, library => sink.Display(library, null));
            sink.Display(bundle, displayId);
        }
    }

    /// <summary>Replaces the output with <paramref name="displayId"/>.</summary>
    public void UpdateDisplay(MimeBundle bundle, string displayId)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }
            FlushLocked();
            plotly?.Before(bundle, library => sink.Display(library, null));
            sink.UpdateDisplay(bundle, displayId);
        }
    }

    /// <summary>Before the cell's result goes out: the session's plotly.js if the result is its first figure.</summary>
    public void BeforeResult(MimeBundle result)
    {
        lock (_gate)
        {
            FlushLocked();
            plotly?.Before(result, library => sink.Display(library, null));
        }
    }

    /// <summary>Sends pending console text.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    /// <summary>Sends pending text and drops anything written later.</summary>
    public void Close()
    {
        lock (_gate)
        {
            FlushLocked();
            _closed = true;
        }
    }

    private void FlushLocked()
    {
        if (_pending.Length > 0 && !_closed)
        {
            sink.Stream(_pendingStream, _pending.ToString());
            _pending.Clear();
        }
    }
}
