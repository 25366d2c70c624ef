namespace WeClick.Notebooks.Execution;

/// <summary>
/// One cell's <see cref="Console.In"/>: lines come from its sink when the sink is an <see cref="IConsoleInput"/> (the
/// kernel turns them into input_requests), and the reader is empty otherwise. <see cref="Read()"/> serves the same
/// lines character by character. <see cref="ConsoleCapture"/> routes the process's <see cref="Console.In"/> here.
/// </summary>
internal sealed class CellConsoleReader(IConsoleInput? input) : TextReader
{
    private string _pending = "";

    public override string? ReadLine()
    {
        if (_pending.Length > 0)
        {
            var rest = _pending.TrimEnd('\n');
            _pending = "";
            return rest;
        }
        return input?.ReadLine();
    }

    public override int Peek() => Fill() ? _pending[0] : -1;

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }
        var next = _pending[0];
        _pending = _pending[1..];
        return next;
    }

    private bool Fill()
    {
        if (_pending.Length == 0 && input?.ReadLine() is { } line)
        {
            _pending = line + "\n";
        }
        return _pending.Length > 0;
    }
}
